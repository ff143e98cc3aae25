import type { ServerResponse } from "node:http";
import { createGzip } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { expectFailure, expectOk, rig } from "./setup.js";

const MB = 1024 * 1024;

/** Writes `total` bytes of filler in 64 KB chunks, respecting back-pressure, until done or the socket closes. */
function streamFiller(res: ServerResponse, total: number): void {
  const chunk = Buffer.alloc(64 * 1024, "a");
  let sent = 0;
  const pump = () => {
    while (sent < total && !res.destroyed) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once("drain", pump);
    }
    if (!res.destroyed) res.end();
  };
  pump();
}

/** About 100 KB of gzip that inflates to 120 MB of zeros, built without holding 120 MB. */
async function gzipBomb(): Promise<Buffer> {
  const gzip = createGzip({ level: 9 });
  const parts: Buffer[] = [];
  gzip.on("data", (b: Buffer) => parts.push(b));
  const done = new Promise((resolve) => gzip.on("end", resolve));
  const zeros = Buffer.alloc(MB);
  for (let i = 0; i < 120; i++) {
    if (!gzip.write(zeros)) await new Promise((resolve) => gzip.once("drain", resolve));
  }
  gzip.end();
  await done;
  return Buffer.concat(parts);
}

describe("whole-request timeout", () => {
  it("times out when the server never sends headers", async () => {
    const { server, fetcher } = await rig(() => {}, { timeoutMs: 300 });
    const f = expectFailure(await fetcher.get({ url: server.url("/silent") }));
    expect(f).toMatchObject({ kind: "timeout", transient: true, url: server.url("/silent") });
    expect(f.message).toContain("300 ms");
  });

  it("times out on a body that trickles forever (the limit covers the body too)", async () => {
    const { server, fetcher } = await rig(
      (_req, res) => {
        res.writeHead(200, { "content-type": "text/html" });
        const timer = setInterval(() => res.write("."), 20);
        res.once("close", () => clearInterval(timer));
      },
      { timeoutMs: 300 },
    );
    expect(expectFailure(await fetcher.get({ url: server.url("/drip") })).kind).toBe("timeout");
  });
});

describe("connection failures", () => {
  it("classifies a reset mid-body as a transient connection failure", async () => {
    const { server, fetcher } = await rig((req, res) => {
      res.writeHead(200, { "content-type": "text/html", "content-length": "10000" });
      res.write("<p>half", () => req.socket.destroy());
    });
    const f = expectFailure(await fetcher.get({ url: server.url("/cut") }));
    expect(f).toMatchObject({ kind: "connection", transient: true, url: server.url("/cut") });
  });

  it("classifies a refused connection as a transient connection failure", async () => {
    const { server, fetcher } = await rig((_req, res) => void res.end());
    const url = server.url("/");
    await server.close();
    expect(expectFailure(await fetcher.get({ url }))).toMatchObject({ kind: "connection", transient: true });
  });

  it("classifies a name that does not resolve as dns", async () => {
    const { fetcher } = await rig(() => {}, { timeoutMs: 20_000 });
    const f = expectFailure(await fetcher.get({ url: "http://no-such-host.invalid/feed" }));
    expect(f).toMatchObject({ kind: "dns", transient: true, url: "http://no-such-host.invalid/feed" });
  });
});

describe("body size cap", () => {
  let bomb: Buffer;
  beforeAll(async () => {
    bomb = await gzipBomb();
  });

  it("stops reading a 50 MB chunked body past the cap", async () => {
    const { server, fetcher } = await rig((_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      streamFiller(res, 50 * MB);
    });
    const f = expectFailure(await fetcher.get({ url: server.url("/huge") }));
    expect(f).toMatchObject({ kind: "too-large", transient: false, status: 200 });
    expect(f.message).toContain(String(MB));
  });

  it("refuses a declared 50 MB Content-Length without reading it", async () => {
    const { server, fetcher } = await rig((_req, res) => {
      res.writeHead(200, { "content-type": "text/html", "content-length": String(50 * MB) });
      streamFiller(res, 50 * MB);
    });
    expect(expectFailure(await fetcher.get({ url: server.url("/huge") })).kind).toBe("too-large");
  });

  it("counts after decompression: a gzip bomb is too-large", async () => {
    expect(bomb.length).toBeLessThan(200 * 1024);
    const { server, fetcher } = await rig((_req, res) => {
      res.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" });
      res.end(bomb);
    });
    const f = expectFailure(await fetcher.get({ url: server.url("/bomb") }));
    expect(f).toMatchObject({ kind: "too-large", url: server.url("/bomb") });
  });

  it("accepts a body exactly at the cap", async () => {
    const { server, fetcher } = await rig((_req, res) => void res.end(Buffer.alloc(1000, "b")), {
      maxBodyBytes: 1000,
    });
    expect(expectOk(await fetcher.get({ url: server.url("/") })).bytes).toBe(1000);
  });
});

describe("per-host politeness", () => {
  it("has at most perHostConcurrency requests in flight to one host", async () => {
    const { server, fetcher } = await rig(
      (_req, res) => {
        setTimeout(() => res.end("<p>ok</p>"), 30);
      },
      { perHostConcurrency: 2 },
    );
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => fetcher.get({ url: server.url(`/p/${i}`) })),
    );
    expect(results.every((r) => r.kind === "ok")).toBe(true);
    expect(server.requests).toHaveLength(6);
    expect(server.maxInFlight()).toBe(2);
  });

  it("does not hold back a second host", async () => {
    const hold: ServerResponse[] = [];
    const a = await rig((_req, res) => void hold.push(res), { perHostConcurrency: 1 });
    const b = await rig((_req, res) => void res.end("b"));
    const pendingA = a.fetcher.get({ url: a.server.url("/slow") });
    while (hold.length === 0) await new Promise((r) => setImmediate(r));
    // Same fetcher, other host (another port): answered while host A's only slot is taken.
    expect(expectOk(await a.fetcher.get({ url: b.server.url("/") })).text).toBe("b");
    for (const res of hold) res.end("a");
    expect(expectOk(await pendingA).text).toBe("a");
  });
});

describe("aborting", () => {
  it("ends a request as aborted when the caller's signal fires", async () => {
    let arrived!: () => void;
    const arrival = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    const { server, fetcher } = await rig(() => arrived());
    const controller = new AbortController();
    const pending = fetcher.get({ url: server.url("/wait"), signal: controller.signal });
    await arrival;
    controller.abort();
    const f = expectFailure(await pending);
    expect(f).toMatchObject({ kind: "aborted", url: server.url("/wait") });
  });

  it("aborts every request still running under a signal many requests share, and only those", async () => {
    const { server, fetcher } = await rig(
      (req, res) => {
        if (req.url === "/done") res.end("done");
      },
      { perHostConcurrency: 1 },
    );
    const cycle = new AbortController();
    expect(expectOk(await fetcher.get({ url: server.url("/done"), signal: cycle.signal })).text).toBe("done");
    const inFlight = fetcher.get({ url: server.url("/held"), signal: cycle.signal });
    const queued = fetcher.get({ url: server.url("/queued"), signal: cycle.signal });
    while (server.requests.length < 2) await new Promise((r) => setImmediate(r));
    cycle.abort();
    expect(expectFailure(await inFlight).kind).toBe("aborted");
    expect(expectFailure(await queued).kind).toBe("aborted");
    expect(server.requests.map((r) => r.path)).toEqual(["/done", "/held"]);
    // Another signal's requests go on.
    const next = new AbortController();
    expect(expectOk(await fetcher.get({ url: server.url("/done"), signal: next.signal })).text).toBe("done");
  });

  it("refuses to start with an already aborted signal", async () => {
    const { server, fetcher } = await rig((_req, res) => void res.end());
    const f = expectFailure(await fetcher.get({ url: server.url("/"), signal: AbortSignal.abort() }));
    expect(f.kind).toBe("aborted");
    expect(server.requests).toHaveLength(0);
  });

  it("aborts requests waiting for a host slot and in flight on close()", async () => {
    const { server, fetcher } = await rig(() => {}, { perHostConcurrency: 1 });
    const inFlight = fetcher.get({ url: server.url("/1") });
    const queued = fetcher.get({ url: server.url("/2") });
    while (server.requests.length === 0) await new Promise((r) => setImmediate(r));
    await fetcher.close();
    expect(expectFailure(await inFlight).kind).toBe("aborted");
    expect(expectFailure(await queued).kind).toBe("aborted");
    expect(server.requests).toHaveLength(1);
    expect(expectFailure(await fetcher.get({ url: server.url("/3") })).kind).toBe("aborted");
  });
});
