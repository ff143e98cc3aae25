import { readFileSync } from "node:fs";
import { brotliCompressSync, deflateSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { expectFailure, expectOk, rig } from "./setup.js";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/fetch/${name}`, import.meta.url));
const lead = readFileSync(new URL("../fixtures/fetch/expected-text.txt", import.meta.url), "utf8").trim();

describe("conditional GET", () => {
  it("sends the stored ETag back and reports 304 as not-modified", async () => {
    const { server, fetcher } = await rig((req, res) => {
      if (req.headers["if-none-match"] === '"v1"') {
        res.writeHead(304, { etag: '"v1"' }).end();
        return;
      }
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", etag: '"v1"' }).end("<p>Баку</p>");
    });
    const first = expectOk(await fetcher.get({ url: server.url("/a") }));
    expect(first).toMatchObject({ status: 200, text: "<p>Баку</p>", etag: '"v1"', charset: "utf-8" });
    expect(server.requests[0]?.headers["if-none-match"]).toBeUndefined();

    const second = await fetcher.get({
      url: server.url("/a"),
      etag: first.etag,
      lastModified: first.lastModified,
    });
    expect(second).toEqual({ kind: "not-modified", url: server.url("/a"), etag: '"v1"', lastModified: null });
    expect(server.requests[1]?.headers["if-none-match"]).toBe('"v1"');
  });

  it("sends Last-Modified back as If-Modified-Since", async () => {
    const stamp = "Fri, 24 Oct 2025 09:15:00 GMT";
    const { server, fetcher } = await rig((req, res) => {
      if (req.headers["if-modified-since"] === stamp) return void res.writeHead(304).end();
      res.writeHead(200, { "content-type": "text/html", "last-modified": stamp }).end("<p>x</p>");
    });
    const first = expectOk(await fetcher.get({ url: server.url("/b") }));
    expect(first.lastModified).toBe(stamp);
    expect(first.etag).toBeNull();
    const second = await fetcher.get({ url: server.url("/b"), lastModified: first.lastModified });
    // The 304 carried no validators: the ones we sent are kept.
    expect(second).toEqual({ kind: "not-modified", url: server.url("/b"), etag: null, lastModified: stamp });
    expect(server.requests[1]?.headers["if-modified-since"]).toBe(stamp);
  });

  it("drops a corrupt stored ETag and fetches unconditionally", async () => {
    const { server, fetcher } = await rig((_req, res) => void res.end("<p>full</p>"));
    const ok = expectOk(await fetcher.get({ url: server.url("/"), etag: '"v1"\r\nx-evil: 1' }));
    expect(ok.text).toBe("<p>full</p>");
    expect(server.requests[0]?.headers["if-none-match"]).toBeUndefined();
    expect(server.requests[0]?.headers["x-evil"]).toBeUndefined();
  });

  it("sends the configured User-Agent, an Accept and Accept-Encoding", async () => {
    const { server, fetcher } = await rig((_req, res) => void res.end("ok"));
    expectOk(await fetcher.get({ url: server.url("/"), accept: "application/rss+xml" }));
    const headers = server.requests[0]?.headers;
    expect(headers?.["user-agent"]).toBe("revfeed-test/1 (+https://example.invalid/revfeed)");
    expect(headers?.accept).toBe("application/rss+xml");
    expect(headers?.["accept-encoding"]).toContain("gzip");
  });
});

describe("the body", () => {
  it("comes in a buffer of its own, not as a view into the socket's read buffer, even in one chunk", async () => {
    // 5,000 bytes: above the size Node takes from its shared Buffer pool, and one read with the headers.
    const page = `<p>${"б".repeat(2_496)}.</p>`;
    const { server, fetcher } = await rig((_req, res) => void res.end(page));
    const ok = expectOk(await fetcher.get({ url: server.url("/") }));
    expect(ok.bytes).toBe(5_000);
    expect(ok.body.byteOffset).toBe(0);
    expect(ok.body.buffer.byteLength).toBe(5_000);
    expect(ok.text).toBe(page);
  });
});

describe("charset over HTTP", () => {
  const serve = (body: Buffer, contentType: string | null) =>
    rig((_req, res) => {
      if (contentType) res.setHeader("content-type", contentType);
      res.end(body);
    });

  it("decodes a windows-1251 body named in the header", async () => {
    const { server, fetcher } = await serve(
      fixture("cp1251-no-meta.html"),
      "text/html; charset=windows-1251",
    );
    const ok = expectOk(await fetcher.get({ url: server.url("/") }));
    expect(ok.charset).toBe("windows-1251");
    expect(ok.text).toContain(lead);
    expect(ok.contentType).toBe("text/html; charset=windows-1251");
  });

  it("decodes a UTF-8 body with a BOM", async () => {
    const { server, fetcher } = await serve(fixture("utf8-bom.html"), "text/html");
    const ok = expectOk(await fetcher.get({ url: server.url("/") }));
    expect(ok.charset).toBe("utf-8");
    expect(ok.text.startsWith("<!doctype")).toBe(true);
  });

  it("uses <meta charset> when the header has no charset", async () => {
    const { server, fetcher } = await serve(fixture("cp1251-meta-charset.html"), "text/html");
    const ok = expectOk(await fetcher.get({ url: server.url("/") }));
    expect(ok.charset).toBe("windows-1251");
    expect(ok.text).toContain(lead);
  });

  it("trusts the BOM over a wrong header charset", async () => {
    const { server, fetcher } = await serve(fixture("utf8-bom.html"), "text/html; charset=windows-1251");
    const ok = expectOk(await fetcher.get({ url: server.url("/") }));
    expect(ok.charset).toBe("utf-8");
    expect(ok.text).toContain(lead);
  });

  it("decodes invalid UTF-8 with replacement characters", async () => {
    const { server, fetcher } = await serve(fixture("utf8-invalid.html"), "text/html; charset=utf-8");
    const ok = expectOk(await fetcher.get({ url: server.url("/") }));
    expect(ok.text).toContain("\uFFFD");
    expect(ok.text).toContain(lead);
  });

  it("decompresses gzip and counts bytes after decompression", async () => {
    const html = `<p>${lead}</p>`.repeat(50);
    const { server, fetcher } = await rig((_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-encoding": "gzip" });
      res.end(gzipSync(html));
    });
    const ok = expectOk(await fetcher.get({ url: server.url("/") }));
    expect(ok.text).toBe(html);
    expect(ok.bytes).toBe(Buffer.byteLength(html));
  });

  it("undoes deflate, br and stacked codings in reverse order; refuses codings it cannot undo", async () => {
    const html = `<p>${lead}</p>`.repeat(20);
    const bodies: Record<string, [string, Buffer]> = {
      "/deflate": ["deflate", deflateSync(html)],
      "/br": ["br", brotliCompressSync(html)],
      // Applied gzip first, then br: the header lists them in that order.
      "/stacked": ["gzip, br", brotliCompressSync(gzipSync(html))],
      "/identity": ["identity", Buffer.from(html)],
      "/zstd": ["zstd", Buffer.from("not really zstd")],
      "/broken": ["gzip", Buffer.from("this is not gzip at all")],
    };
    const { server, fetcher } = await rig((req, res) => {
      const [coding, body] = bodies[req.url ?? ""] ?? ["identity", Buffer.alloc(0)];
      res
        .writeHead(200, { "content-type": "text/html; charset=utf-8", "content-encoding": coding })
        .end(body);
    });
    for (const path of ["/deflate", "/br", "/stacked", "/identity"]) {
      expect(expectOk(await fetcher.get({ url: server.url(path) })).text).toBe(html);
    }
    const zstd = expectFailure(await fetcher.get({ url: server.url("/zstd") }));
    expect(zstd).toMatchObject({ kind: "bad-content", message: expect.stringContaining("zstd") });
    const broken = expectFailure(await fetcher.get({ url: server.url("/broken") }));
    expect(broken).toMatchObject({ kind: "bad-content", message: expect.stringContaining("decompressed") });
  });
});

describe("status classification", () => {
  const statusRig = (status: number, headers: Record<string, string> = {}) =>
    rig((_req, res) => void res.writeHead(status, headers).end("nope"));

  it.each([500, 502, 503])("%i without Retry-After is a transient server-error", async (status) => {
    const { server, fetcher } = await statusRig(status);
    const f = expectFailure(await fetcher.get({ url: server.url("/x") }));
    expect(f).toMatchObject({ kind: "server-error", status, transient: true, url: server.url("/x") });
    expect(f.retryAfterMs).toBeUndefined();
    expect(f.message).toContain(server.url("/x"));
    expect(f.message).toContain(String(status));
  });

  it.each([500, 502, 503])("%i with Retry-After: 120 keeps the delay", async (status) => {
    const { server, fetcher } = await statusRig(status, { "retry-after": "120" });
    const f = expectFailure(await fetcher.get({ url: server.url("/x") }));
    expect(f).toMatchObject({ kind: "server-error", status, retryAfterMs: 120_000 });
  });

  it("429 with Retry-After in seconds is rate-limited", async () => {
    const { server, fetcher } = await statusRig(429, { "retry-after": "30" });
    const f = expectFailure(await fetcher.get({ url: server.url("/x") }));
    expect(f).toMatchObject({ kind: "rate-limited", status: 429, transient: true, retryAfterMs: 30_000 });
  });

  it("429 with Retry-After as an HTTP-date is measured from the injected clock", async () => {
    const { server, fetcher, clock } = await statusRig(429, {
      "retry-after": "Fri, 24 Oct 2025 10:05:00 GMT",
    });
    expect(expectFailure(await fetcher.get({ url: server.url("/x") })).retryAfterMs).toBe(300_000);
    clock.advance(60_000);
    expect(expectFailure(await fetcher.get({ url: server.url("/x") })).retryAfterMs).toBe(240_000);
  });

  it.each([404, 410])("%i is not-found and not transient", async (status) => {
    const { server, fetcher } = await statusRig(status);
    const f = expectFailure(await fetcher.get({ url: server.url("/gone") }));
    expect(f).toMatchObject({ kind: "not-found", status, transient: false, url: server.url("/gone") });
  });

  it("403 is a plain http-status failure", async () => {
    const { server, fetcher } = await statusRig(403);
    expect(expectFailure(await fetcher.get({ url: server.url("/") }))).toMatchObject({
      kind: "http-status",
      status: 403,
      transient: false,
    });
  });

  it("refuses an image as bad-content", async () => {
    const { server, fetcher } = await statusRig(200, { "content-type": "image/png" });
    expect(expectFailure(await fetcher.get({ url: server.url("/") }))).toMatchObject({
      kind: "bad-content",
      transient: false,
    });
  });
});

describe("connection reuse", () => {
  it("keeps one connection alive across sequential requests", async () => {
    const { server, fetcher } = await rig((_req, res) => void res.end("<p>ok</p>"));
    for (let i = 0; i < 20; i++) expectOk(await fetcher.get({ url: server.url(`/p/${i}`) }));
    expect(server.requests).toHaveLength(20);
    // Pooled: never more connections than perHostConcurrency (2 by default), not one per request.
    expect(server.connections()).toBeLessThanOrEqual(2);
  });
});
