import { type ChildProcess, spawn } from "node:child_process";
import { chmodSync, mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { articlePage, articlePath, feedXml } from "./pages.js";

/**
 * The benchmark's site: static files under `<dir>/www` served by Debian's nginx (a child process, one worker,
 * `daemon off`, ETag and Last-Modified on, sendfile), so the site costs next to nothing. Every scenario gets
 * its own namespace folder (`/<ns>/…`), with its own feed, so one scenario's edits never leak into another.
 * The access log records status and body bytes of every response: that is how "body bytes received" is counted.
 */

/** nginx's ETag is mtime + size: every version of a page gets its own mtime, so edits always change it. */
const BASE_MTIME = 1_761_300_000;

export interface SiteNamespace {
  ns: string;
  ids: number[];
  feedUrl: string;
  urls: string[];
}

export function wwwDir(root: string): string {
  return path.join(root, "www");
}

export function writePage(root: string, ns: string, id: number, version: number): void {
  const file = path.join(wwwDir(root), articlePath(ns, id));
  writeFileSync(file, articlePage(id, version));
  const mtime = BASE_MTIME + version * 60;
  utimesSync(file, mtime, mtime);
}

/** Writes pages 1..n at version 0 and the feed listing them. */
export function writeNamespace(root: string, origin: string, ns: string, n: number): SiteNamespace {
  mkdirSync(path.join(wwwDir(root), ns, "business"), { recursive: true });
  const ids = Array.from({ length: n }, (_, i) => i + 1);
  for (const id of ids) writePage(root, ns, id, 0);
  writeFileSync(path.join(wwwDir(root), ns, "feed.rss"), feedXml(origin, ns, ids));
  return namespaceOf(origin, ns, ids);
}

export function namespaceOf(origin: string, ns: string, ids: number[]): SiteNamespace {
  return {
    ns,
    ids,
    feedUrl: `${origin}/${ns}/feed.rss`,
    urls: ids.map((id) => `${origin}${articlePath(ns, id)}`),
  };
}

async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface Nginx {
  origin: string;
  root: string;
  /** The access log: one `<status> <body bytes>` line per response. */
  log: string;
  stop(): Promise<void>;
}

export interface LogSlice {
  requests: number;
  bodyBytes: number;
  statuses: Record<string, number>;
}

/** Reads the access log from where the previous call stopped: what the site sent in between. */
export function accessLogReader(log: string): () => LogSlice {
  let offset = statSync(log).size;
  return () => {
    const bytes = readFileSync(log).subarray(offset);
    offset += bytes.length;
    const statuses: Record<string, number> = {};
    let requests = 0;
    let bodyBytes = 0;
    for (const line of bytes.toString("latin1").split("\n")) {
      if (line === "") continue;
      const [status = "?", size = "0"] = line.split(" ");
      statuses[status] = (statuses[status] ?? 0) + 1;
      bodyBytes += Number(size);
      requests++;
    }
    return { requests, bodyBytes, statuses };
  };
}

export async function startNginx(root: string): Promise<Nginx> {
  const port = await freePort();
  for (const sub of ["www", "tmp", "logs"]) mkdirSync(path.join(root, sub), { recursive: true });
  // nginx started as root serves from unprivileged workers: they must be able to read the temp folder.
  chmodSync(root, 0o755);
  const log = path.join(root, "logs", "access.log");
  writeFileSync(log, "");
  const conf = path.join(root, "nginx.conf");
  writeFileSync(
    conf,
    `daemon off;
worker_processes 1;
pid ${root}/nginx.pid;
error_log ${root}/logs/error.log warn;
events { worker_connections 4096; }
http {
  types { text/html html; application/rss+xml rss; }
  default_type application/octet-stream;
  charset utf-8;
  charset_types application/rss+xml;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  keepalive_timeout 120s;
  etag on;
  # RFC 9110: a date the page has not changed since counts too (urlwatch sends its last check time).
  if_modified_since before;
  log_format bench '$status $body_bytes_sent';
  access_log ${log} bench;
  client_body_temp_path ${root}/tmp/body;
  proxy_temp_path ${root}/tmp/proxy;
  fastcgi_temp_path ${root}/tmp/fastcgi;
  uwsgi_temp_path ${root}/tmp/uwsgi;
  scgi_temp_path ${root}/tmp/scgi;
  server {
    listen 127.0.0.1:${port};
    root ${root}/www;
    location / { }
  }
}
`,
  );
  const child: ChildProcess = spawn("nginx", ["-c", conf, "-p", root, "-e", `${root}/logs/error.log`], {
    stdio: ["ignore", "inherit", "inherit"],
  });
  const origin = `http://127.0.0.1:${port}`;
  await waitUntilUp(origin, child);
  return {
    origin,
    root,
    log,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGQUIT");
      await exited;
    },
  };
}

async function waitUntilUp(origin: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null)
      throw new Error(`nginx exited with status ${child.exitCode} (see logs/error.log)`);
    try {
      await fetch(`${origin}/`);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error(`nginx did not answer on ${origin} within 5 s`);
}
