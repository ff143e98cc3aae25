import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { request } from "undici";
import { afterEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock.js";
import { FeedCache, FeedVersion } from "../../src/serve/feed-cache.js";
import { useTempDir } from "../support/temp-dir.js";
import { type RunningFixture, startFixture } from "./fixtures.js";

/** Raw HTTP (no automatic decompression), so the tests see the bytes on the wire. */
async function raw(url: string, options: { method?: "GET" | "HEAD"; headers?: Record<string, string> } = {}) {
  const res = await request(url, { method: options.method ?? "GET", headers: options.headers });
  const body = Buffer.from(await res.body.arrayBuffer());
  // Date changes; undici closes the connection after a HEAD, and the server says so.
  const { date: _date, connection: _connection, "keep-alive": _keepAlive, ...headers } = res.headers;
  return { status: res.statusCode, headers, body };
}

/** Replaces a file the way the publisher does: a temp file renamed over it (a new inode). */
function publish(file: string, text: string): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.tmp-test`);
  writeFileSync(temp, text);
  renameSync(temp, file);
}

const tempDir = useTempDir("revfeed-serve-memory-");
let fx: RunningFixture | undefined;
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});

describe("feeds from memory", () => {
  it("answers later requests (from memory) exactly as the first (read from disk)", async () => {
    fx = await startFixture(tempDir());
    const url = `${fx.server.url}/feeds/ots.atom`;
    const asked: Record<string, string>[] = [
      {},
      { "accept-encoding": "br" },
      { "accept-encoding": "gzip, deflate" },
    ];
    for (const headers of asked) {
      const first = await raw(url, { headers });
      const again = await raw(url, { headers });
      expect(again.status).toBe(200);
      expect(again.headers).toEqual(first.headers);
      expect(again.body.equals(first.body)).toBe(true);
      const head = await raw(url, { method: "HEAD", headers });
      expect(head.headers).toEqual(first.headers);
      expect(head.body.length).toBe(0);
      const notModified = await raw(url, {
        headers: { ...headers, "if-none-match": String(first.headers.etag) },
      });
      expect(notModified.status).toBe(304);
      expect(notModified.headers.etag).toBe(first.headers.etag);
      expect(notModified.headers["content-security-policy"]).toContain("default-src 'none'");
      expect(notModified.headers["cross-origin-resource-policy"]).toBe("cross-origin");
    }
  });

  it("serves a file the publisher replaced with its new ETag once the stat interval passed", async () => {
    fx = await startFixture(tempDir());
    const url = `${fx.server.url}/feeds/ots.atom`;
    const file = path.join(fx.feedsDir, "ots.atom");
    const old = await raw(url);
    const oldTag = String(old.headers.etag);
    await raw(url, { headers: { "accept-encoding": "br" } });

    publish(file, `${old.body.toString("utf8")}<!-- republished ${"ОТГ ".repeat(50)}-->\n`);
    // Inside the interval the last look at the file still stands.
    expect((await raw(url, { headers: { "if-none-match": oldTag } })).status).toBe(304);
    fx.clock.advance(1000);

    const bytes = readFileSync(file);
    const fresh = await raw(url);
    expect(fresh.status).toBe(200);
    expect(fresh.headers.etag).not.toBe(oldTag);
    expect(fresh.body.equals(bytes)).toBe(true);
    expect(fresh.headers["content-length"]).toBe(String(bytes.length));
    expect((await raw(url, { headers: { "if-none-match": oldTag } })).status).toBe(200);
    const newTag = String(fresh.headers.etag);
    expect((await raw(url, { headers: { "if-none-match": newTag } })).status).toBe(304);
    expect((await raw(url, { method: "HEAD", headers: { "if-none-match": newTag } })).status).toBe(304);

    const br = await raw(url, { headers: { "accept-encoding": "br" } });
    expect(br.headers.etag).toBe(newTag.replace(/"$/, '-br"'));
    expect(brotliDecompressSync(br.body).equals(bytes)).toBe(true);
    expect(br.headers["content-length"]).toBe(String(br.body.length));
    const gz = await raw(url, { headers: { "accept-encoding": "gzip" } });
    expect(gunzipSync(gz.body).equals(bytes)).toBe(true);
    expect(
      (await raw(url, { headers: { "accept-encoding": "br", "if-none-match": String(br.headers.etag) } }))
        .status,
    ).toBe(304);
  });

  it("counts feed requests answered from memory in /metrics", async () => {
    fx = await startFixture(tempDir());
    const url = `${fx.server.url}/feeds/ots.rss`;
    const etag = String((await raw(url)).headers.etag);
    for (let i = 0; i < 3; i++) await raw(url, { headers: { "if-none-match": etag } });
    await raw(url);
    const text = (await raw(`${fx.server.url}/metrics`)).body.toString("utf8");
    expect(text).toContain('revfeed_http_requests_total{method="GET",route="/feeds/*",status="304"} 3');
    expect(text).toContain('revfeed_http_requests_total{method="GET",route="/feeds/*",status="200"} 2');
  });
});

describe("FeedCache", () => {
  it("keeps the bytes it holds under maxBytes, forgetting the files checked longest ago", async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, "articles"));
    const clock = new ManualClock("2025-10-24T12:00:00.000Z");
    const cache = new FeedCache(dir, clock, { maxBytes: 5000 });
    for (let i = 0; i < 4; i++) writeFileSync(path.join(dir, "articles", `${i}.atom`), "x".repeat(2000));
    const versions: unknown[] = [];
    for (let i = 0; i < 4; i++) versions.push(await cache.lookup(`articles/${i}.atom`));
    expect(versions.every((v) => v instanceof FeedVersion)).toBe(true);
    // 8,000 bytes asked for, 5,000 allowed: the two newest files stay, the two oldest were forgotten.
    expect(cache.bytes).toBe(4000);
    expect(cache.lookup("articles/3.atom")).toBe(versions[3]);
    expect(cache.lookup("articles/2.atom")).toBe(versions[2]);
    const reread = cache.lookup("articles/0.atom");
    expect(reread).toBeInstanceOf(Promise);
    expect(await reread).not.toBe(versions[0]);
    expect(cache.bytes).toBeLessThanOrEqual(5000);
  });

  it("shares one check between concurrent lookups and answers null for a missing file", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "a.atom"), "<feed/>");
    const cache = new FeedCache(dir, new ManualClock("2025-10-24T12:00:00.000Z"));
    const [one, two] = await Promise.all([cache.lookup("a.atom"), cache.lookup("a.atom")]);
    expect(one).toBeInstanceOf(FeedVersion);
    expect(two).toBe(one);
    expect(await cache.lookup("missing.atom")).toBeNull();
  });
});
