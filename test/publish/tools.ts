import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

/**
 * Real, independent feed checkers from Debian: jing (RELAX NG, RFC 4287 schema), xmllint, feedparser,
 * newsboat. A missing tool fails the test with the package to install; it never skips.
 */

export const ATOM_RNC = "/work/shared/schemas/atom.rnc";
/** Debian's python: feedparser is installed for it, not for a pyenv python earlier on PATH. */
export const PYTHON = "/usr/bin/python3";

const PACKAGES: Record<string, string> = {
  "/usr/bin/jing": "jing",
  "/usr/bin/xmllint": "libxml2-utils",
  "/usr/bin/newsboat": "newsboat",
};

function requireTool(path: string): void {
  if (!existsSync(path)) {
    throw new Error(
      `${path} is missing: install the Debian package "${PACKAGES[path]}" (apt-get install -y ${PACKAGES[path]})`,
    );
  }
}

function run(cmd: string, args: string[], env?: NodeJS.ProcessEnv) {
  const res = spawnSync(cmd, args, { encoding: "utf8", timeout: 60_000, env: env ?? process.env });
  if (res.error) throw new Error(`${cmd} could not run: ${res.error.message}`);
  return res;
}

/** Validates Atom documents against RFC 4287's schema; returns jing's complaints (empty when valid). */
export function jingErrors(files: string[]): string {
  requireTool("/usr/bin/jing");
  if (!existsSync(ATOM_RNC)) throw new Error(`the Atom schema ${ATOM_RNC} is missing`);
  const res = run("/usr/bin/jing", ["-c", ATOM_RNC, ...files]);
  // jing's Debian wrapper prints classpath warnings on stderr; schema errors go to stdout.
  return res.status === 0 ? "" : `${res.stdout}${res.stderr}`.trim() || `jing exited with ${res.status}`;
}

export function xmllintErrors(files: string[]): string {
  requireTool("/usr/bin/xmllint");
  const res = run("/usr/bin/xmllint", ["--noout", ...files]);
  return res.status === 0 ? "" : `${res.stderr}`.trim() || `xmllint exited with ${res.status}`;
}

export interface ParsedFeed {
  bozo: number;
  bozo_exception: string | null;
  version: string;
  title: string;
  links: { rel: string; href: string }[];
  entries: {
    id: string;
    title: string;
    link: string;
    tags: string[];
    published: string | null;
    updated: string | null;
  }[];
}

const FEEDPARSER_SCRIPT = `
import json, sys
try:
    import feedparser
except ImportError:
    sys.stderr.write("python3-feedparser is missing: apt-get install -y python3-feedparser\\n")
    sys.exit(3)
out = []
for path in sys.argv[1:]:
    d = feedparser.parse(path)
    out.append({
        "bozo": int(d.bozo),
        "bozo_exception": str(d.get("bozo_exception")) if d.bozo else None,
        "version": d.version,
        "title": d.feed.get("title", ""),
        "links": [{"rel": l.get("rel", ""), "href": l.get("href", "")} for l in d.feed.get("links", [])],
        "entries": [{
            "id": e.get("id", ""), "title": e.get("title", ""), "link": e.get("link", ""),
            "tags": [t.get("term") or "" for t in e.get("tags", [])],
            "published": e.get("published"), "updated": e.get("updated"),
        } for e in d.entries],
    })
print(json.dumps(out))
`;

/** Parses feed files with python3-feedparser, the library behind many readers and validators. */
export function feedparser(files: string[]): ParsedFeed[] {
  if (!existsSync(PYTHON)) throw new Error(`${PYTHON} is missing: install the Debian package "python3"`);
  const res = run(PYTHON, ["-c", FEEDPARSER_SCRIPT, ...files]);
  if (res.status !== 0) throw new Error(`feedparser failed (exit ${res.status}): ${res.stderr}`);
  return JSON.parse(res.stdout) as ParsedFeed[];
}

/**
 * Runs newsboat non-interactively (`-x reload`) on one feed URL with its own config and cache folder,
 * the way a subscriber's reader would poll. The cache is an SQLite file the caller reads afterwards.
 */
export function newsboatReload(home: string, urlsFile: string, cacheFile: string, configFile: string): void {
  requireTool("/usr/bin/newsboat");
  const res = run("/usr/bin/newsboat", ["-u", urlsFile, "-c", cacheFile, "-C", configFile, "-x", "reload"], {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: home,
    XDG_DATA_HOME: home,
  });
  if (res.status !== 0)
    throw new Error(`newsboat reload failed (exit ${res.status}): ${res.stderr}${res.stdout}`);
}
