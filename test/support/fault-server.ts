import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";

/**
 * A misbehaving site for fault tests: a reverse proxy in front of a healthy upstream (a NewsSite) that
 * answers selected paths with a fault instead. Links in the upstream's text bodies are rewritten to point
 * back at this server, so a watcher sees one site whose feed or pages can fail on demand and heal again.
 */

export type Fault =
  /** Answers normally (through the upstream), but only after `delayMs`. */
  | { kind: "slow"; delayMs: number }
  /** Accepts the request and never answers. */
  | { kind: "hang" }
  /** Sends headers, then one byte every `intervalMs`, forever. */
  | { kind: "trickle"; intervalMs?: number }
  /** Resets the TCP connection (RST) as soon as the request arrives. */
  | { kind: "reset" }
  | { kind: "status"; status: number; headers?: Record<string, string> }
  /** `/x` -> `/x?loop=1` -> `/x` … */
  | { kind: "redirect-loop" }
  | { kind: "redirect"; location: string }
  /** A body of `bytes` bytes, streamed without a Content-Length. */
  | { kind: "huge"; bytes: number }
  /** A small gzip body that inflates to `bytes` bytes. */
  | { kind: "gzip-bomb"; bytes: number }
  /** Any fixed body and headers (hostile or broken content). */
  | { kind: "body"; body: string | Buffer; type: string; headers?: Record<string, string> };

/** Which requests a fault applies to: the feed, article pages, or everything. */
export type FaultTarget = "feed" | "article" | "all";

const IS_FEED = /\.(rss|xml|atom)$/;
const IS_ARTICLE = /\.html$/;

export class FaultServer {
  origin = "";
  /** Faults served, by kind (a request answered normally counts as "pass"). */
  readonly served = new Map<string, number>();
  /** Every request as it arrived: the fault it got and its path, in order. */
  readonly arrivals: { kind: string; path: string }[] = [];
  /** Every response passed through from the upstream: when (wall clock, ms), what, and its ETag. */
  readonly log: { at: number; path: string; status: number; etag: string | null }[] = [];
  readonly #upstream: string;
  readonly #faults = new Map<FaultTarget, Fault>();
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly #bombs = new Map<number, Buffer>();
  #server: Server;

  constructor(upstreamOrigin: string) {
    this.#upstream = upstreamOrigin;
    this.#server = createServer((req, res) => this.#handle(req, res));
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.#server.listen(0, "127.0.0.1", resolve));
    this.origin = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    for (const t of this.#timers) clearTimeout(t);
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  /** The upstream feed's URL as seen through this server. */
  get feedUrl(): string {
    return `${this.origin}/feeds/index.rss`;
  }

  /** Serves `fault` for matching requests from now on (null: heal). */
  set(target: FaultTarget, fault: Fault | null): void {
    // Compress a bomb now, not while the client's timeout runs.
    if (fault?.kind === "gzip-bomb") this.#bomb(fault.bytes);
    if (fault) this.#faults.set(target, fault);
    else this.#faults.delete(target);
  }

  clear(): void {
    this.#faults.clear();
  }

  #faultFor(path: string): Fault | undefined {
    const all = this.#faults.get("all");
    if (all) return all;
    if (IS_FEED.test(path)) return this.#faults.get("feed");
    if (IS_ARTICLE.test(path)) return this.#faults.get("article");
    return undefined;
  }

  #handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? "/", this.origin);
    const fault = this.#faultFor(url.pathname);
    this.served.set(fault?.kind ?? "pass", (this.served.get(fault?.kind ?? "pass") ?? 0) + 1);
    this.arrivals.push({ kind: fault?.kind ?? "pass", path: url.pathname });
    if (!fault) return this.#proxy(req, res, url);
    switch (fault.kind) {
      case "slow": {
        const timer = setTimeout(() => {
          this.#timers.delete(timer);
          this.#proxy(req, res, url);
        }, fault.delayMs);
        this.#timers.add(timer);
        return;
      }
      case "hang":
        return;
      case "trickle": {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        res.write("<!DOCTYPE html><html><body><p>");
        const timer = setInterval(() => res.write("."), fault.intervalMs ?? 50);
        this.#timers.add(timer);
        res.once("close", () => {
          clearInterval(timer);
          this.#timers.delete(timer);
        });
        return;
      }
      case "reset":
        req.socket.resetAndDestroy();
        return;
      case "status":
        res.writeHead(fault.status, { "content-type": "text/html; charset=utf-8", ...fault.headers });
        res.end(`<h1>${fault.status}</h1>`);
        return;
      case "redirect-loop": {
        const back = url.searchParams.has("loop") ? url.pathname : `${url.pathname}?loop=1`;
        res.writeHead(302, { location: back });
        res.end();
        return;
      }
      case "redirect":
        res.writeHead(301, { location: fault.location });
        res.end();
        return;
      case "huge":
        return this.#huge(res, fault.bytes);
      case "gzip-bomb":
        res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-encoding": "gzip" });
        res.end(this.#bomb(fault.bytes));
        return;
      case "body":
        res.writeHead(200, { "content-type": fault.type, ...fault.headers });
        res.end(fault.body);
        return;
    }
  }

  /** Streams `bytes` bytes of filler (no Content-Length), stopping early if the client goes away. */
  #huge(res: ServerResponse, bytes: number): void {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    const chunk = Buffer.alloc(64 * 1024, "<p>lorem ipsum</p>\n");
    let sent = 0;
    const pump = () => {
      while (sent < bytes && !res.destroyed) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once("drain", pump);
      }
      if (!res.destroyed) res.end();
    };
    res.once("close", () => {
      sent = bytes;
    });
    pump();
  }

  #bomb(bytes: number): Buffer {
    let bomb = this.#bombs.get(bytes);
    if (!bomb) {
      bomb = gzipSync(Buffer.alloc(bytes, "a"), { level: 9 });
      this.#bombs.set(bytes, bomb);
    }
    return bomb;
  }

  /** Passes the request to the upstream, rewriting its origin to ours in text bodies. */
  #proxy(req: IncomingMessage, res: ServerResponse, url: URL): void {
    const headers = { ...req.headers, host: new URL(this.#upstream).host };
    const upstream = httpRequest(
      `${this.#upstream}${req.url ?? "/"}`,
      { method: req.method, headers },
      (up) => {
        const chunks: Buffer[] = [];
        up.on("data", (c: Buffer) => chunks.push(c));
        up.on("end", () => {
          let body = Buffer.concat(chunks);
          const type = String(up.headers["content-type"] ?? "");
          if (/xml|rss|html/.test(type) && /utf-8/i.test(type)) {
            body = Buffer.from(body.toString("utf8").split(this.#upstream).join(this.origin), "utf8");
          }
          const out: Record<string, string> = {};
          for (const name of ["content-type", "etag", "last-modified"]) {
            const v = up.headers[name];
            if (typeof v === "string") out[name] = v;
          }
          res.writeHead(up.statusCode ?? 502, out);
          res.end(body);
          const status = up.statusCode ?? 502;
          this.log.push({ at: Date.now(), path: url.pathname, status, etag: out.etag ?? null });
        });
      },
    );
    upstream.on("error", (err) => res.destroy(err));
    upstream.end();
  }
}
