import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { SiteEditor } from "./mutate.js";
import { accessLogReader, type LogSlice, type Nginx, writeNamespace } from "./site.js";

/**
 * The peer: Debian's urlwatch over the same kind of pages, one `url` job per page with a body filter
 * (`css: div.article-content` then `html2text`), its own cache database, reports to nowhere. urlwatch sends
 * If-None-Match / If-Modified-Since itself, so its unchanged run is conditional too. Its thread pool is fixed
 * at 10 workers (urlwatch/worker.py MAX_WORKERS); the watcher runs 16 checks at once.
 */

export interface UrlwatchRun {
  wallMs: number;
  status: number | null;
  site: LogSlice;
}

export interface UrlwatchFigures {
  version: string;
  n: number;
  first: UrlwatchRun;
  unchanged: UrlwatchRun;
  changed: UrlwatchRun & { pagesChanged: number };
}

export function urlwatchVersion(): string | null {
  const probe = spawnSync("urlwatch", ["--version"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) return null;
  return probe.stdout.trim();
}

export function runUrlwatch(site: Nginx, n: number, version: string): UrlwatchFigures {
  const ns = writeNamespace(site.root, site.origin, `urlwatch${n}`, n);
  const dir = path.join(site.root, `urlwatch-${n}`);
  mkdirSync(dir, { recursive: true });
  const jobs = path.join(dir, "urls.yaml");
  writeFileSync(
    jobs,
    ns.urls
      .map((url) => `url: "${url}"\nfilter:\n  - css: div.article-content\n  - html2text: re\n`)
      .join("---\n"),
  );
  const config = path.join(dir, "urlwatch.yaml");
  writeFileSync(
    config,
    [
      "display: {new: true, error: true, unchanged: false}",
      "report:",
      "  text: {details: true, footer: true, line_length: 75, minimal: false, separate: false}",
      "  stdout: {enabled: false, color: false}",
      "  html: {diff: unified, separate: false}",
      "  email: {enabled: false}",
      "",
    ].join("\n"),
  );
  const hooks = path.join(dir, "hooks.py");
  writeFileSync(hooks, "");
  const cache = path.join(dir, "cache.db");
  const takeLog = accessLogReader(site.log);
  const once = (): UrlwatchRun => {
    takeLog();
    const started = performance.now();
    const run = spawnSync(
      "urlwatch",
      ["--urls", jobs, "--config", config, "--hooks", hooks, "--cache", cache],
      { encoding: "utf8", env: { ...process.env, HOME: dir }, maxBuffer: 64 * 1024 * 1024 },
    );
    const wallMs = performance.now() - started;
    if (run.status !== 0) {
      throw new Error(`urlwatch exited with ${run.status}: ${(run.stderr || run.stdout).slice(0, 500)}`);
    }
    return { wallMs, status: run.status, site: takeLog() };
  };
  const first = once();
  const unchanged = once();
  const pagesChanged = new SiteEditor(site.root, ns.ns, ns.ids, 77).change(Math.round(n / 10)).length;
  const changed = once();
  return { version, n, first, unchanged, changed: { ...changed, pagesChanged } };
}
