import { rmSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { request } from "undici";
import { afterEach, describe, expect, it } from "vitest";
import { useTempDir } from "../support/temp-dir.js";
import { type RunningFixture, startFixture } from "./fixtures.js";

/** Raw HTTP (no automatic decompression), so the tests see the bytes on the wire. */
async function raw(url: string, options: { method?: "GET" | "HEAD"; headers?: Record<string, string> } = {}) {
  const res = await request(url, { method: options.method ?? "GET", headers: options.headers });
  const body = Buffer.from(await res.body.arrayBuffer());
  return { status: res.statusCode, headers: res.headers, body };
}

const tempDir = useTempDir("revfeed-serve-");
let fx: RunningFixture;
afterEach(async () => {
  await fx?.close();
});

describe("feeds", () => {
  it("serves each feed format with its media type, a strong ETag and Last-Modified", async () => {
    fx = await startFixture(tempDir());
    const cases: [string, string][] = [
      ["/feeds/ots.atom", "application/atom+xml; charset=utf-8"],
      ["/feeds/ots.rss", "application/rss+xml; charset=utf-8"],
      ["/feeds/ots.json", "application/feed+json; charset=utf-8"],
      ["/feeds/ots.revisions.atom", "application/atom+xml; charset=utf-8"],
      [`/feeds/articles/${fx.ids.story}.atom`, "application/atom+xml; charset=utf-8"],
    ];
    for (const [url, type] of cases) {
      const res = await raw(fx.server.url + url);
      expect(res.status, url).toBe(200);
      expect(res.headers["content-type"], url).toBe(type);
      expect(res.headers.etag, url).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
      expect(new Date(String(res.headers["last-modified"])).getTime(), url).toBeGreaterThan(0);
      expect(res.headers["content-security-policy"], url).toContain("default-src 'none'");
    }
    const atom = await raw(`${fx.server.url}/feeds/ots.atom`);
    expect(atom.body.toString("utf8")).toContain("<title>OTS news</title>");
  });

  it("answers 304 to If-None-Match and If-Modified-Since, and 200 when the file changed", async () => {
    fx = await startFixture(tempDir());
    const url = `${fx.server.url}/feeds/ots.atom`;
    const first = await raw(url);
    const etag = String(first.headers.etag);
    const lastModified = String(first.headers["last-modified"]);

    const byTag = await raw(url, { headers: { "if-none-match": etag } });
    expect(byTag.status).toBe(304);
    expect(byTag.body.length).toBe(0);
    expect(byTag.headers.etag).toBe(etag);
    expect((await raw(url, { headers: { "if-none-match": `"other", W/${etag}` } })).status).toBe(304);
    expect((await raw(url, { headers: { "if-none-match": '"other"' } })).status).toBe(200);

    const byDate = await raw(url, { headers: { "if-modified-since": lastModified } });
    expect(byDate.status).toBe(304);
    const earlier = new Date(Date.parse(lastModified) - 60_000).toUTCString();
    expect((await raw(url, { headers: { "if-modified-since": earlier } })).status).toBe(200);
    // If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2).
    expect(
      (await raw(url, { headers: { "if-none-match": '"other"', "if-modified-since": lastModified } })).status,
    ).toBe(200);

    // The publisher replaces the file: new bytes, new tag, full response.
    const file = path.join(fx.feedsDir, "ots.atom");
    writeFileSync(file, `${first.body.toString("utf8")}<!-- updated -->\n`);
    utimesSync(file, new Date("2025-10-24T12:00:00Z"), new Date("2025-10-24T12:00:00Z"));
    // Within a second the server trusts its last look at the file; past it, it sees the new version.
    expect((await raw(url, { headers: { "if-none-match": etag } })).status).toBe(304);
    fx.clock.advance(1000);
    const changed = await raw(url, { headers: { "if-none-match": etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(changed.body.toString("utf8")).toContain("<!-- updated -->");
    const br = await raw(url, { headers: { "accept-encoding": "br" } });
    expect(brotliDecompressSync(br.body).toString("utf8")).toContain("<!-- updated -->");

    rmSync(file);
    fx.clock.advance(1000);
    expect((await raw(url)).status).toBe(404);
  });

  it("compresses with brotli and gzip when asked, and not otherwise", async () => {
    fx = await startFixture(tempDir());
    const url = `${fx.server.url}/feeds/ots.atom`;
    const plain = await raw(url);
    const br = await raw(url, { headers: { "accept-encoding": "br" } });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    const gz = await raw(url, { headers: { "accept-encoding": "gzip" } });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
    expect(gz.body.length).toBeLessThan(plain.body.length);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(String(gz.headers.vary)).toMatch(/accept-encoding/i);
    // Each encoding is its own representation with its own strong ETag; any of them revalidates.
    expect(br.headers.etag).toBe(String(plain.headers.etag).replace(/"$/, '-br"'));
    expect(gz.headers.etag).toBe(String(plain.headers.etag).replace(/"$/, '-gzip"'));
    const revalidated = await raw(url, {
      headers: { "accept-encoding": "gzip", "if-none-match": String(br.headers.etag) },
    });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.etag).toBe(gz.headers.etag);
    // Preferences: q=0 refuses, * accepts; "identity" only gets the plain bytes.
    expect(
      (await raw(url, { headers: { "accept-encoding": "br;q=0, gzip" } })).headers["content-encoding"],
    ).toBe("gzip");
    expect((await raw(url, { headers: { "accept-encoding": "*" } })).headers["content-encoding"]).toBe("br");
    expect(
      (await raw(url, { headers: { "accept-encoding": "identity" } })).headers["content-encoding"],
    ).toBeUndefined();
    const headBr = await raw(url, { method: "HEAD", headers: { "accept-encoding": "br" } });
    expect(headBr.headers["content-encoding"]).toBe("br");
    expect(headBr.body.length).toBe(0);
  });

  it("compresses pages too", async () => {
    fx = await startFixture(tempDir());
    const res = await raw(`${fx.server.url}/articles/${fx.ids.story}`, {
      headers: { "accept-encoding": "br" },
    });
    expect(res.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(res.body).toString("utf8")).toContain("Кубанычбек");
  });

  it("answers HEAD with the headers of GET and no body", async () => {
    fx = await startFixture(tempDir());
    const url = `${fx.server.url}/feeds/ots.rss`;
    const get = await raw(url);
    const head = await raw(url, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers["content-type"]).toBe("application/rss+xml; charset=utf-8");
    expect(head.headers.etag).toBe(get.headers.etag);
    expect(head.headers["content-length"]).toBe(String(get.body.length));
    const headNotModified = await raw(url, {
      method: "HEAD",
      headers: { "if-none-match": String(get.headers.etag) },
    });
    expect(headNotModified.status).toBe(304);
  });

  it("never serves a file outside feedsDir, hidden files or other types", async () => {
    fx = await startFixture(tempDir());
    const attempts = [
      "/feeds/../secret.txt",
      "/feeds/..%2fsecret.txt",
      "/feeds/..%2Fsecret.txt",
      "/feeds/%2e%2e%2fsecret.txt",
      "/feeds/%2e%2e/secret.txt",
      "/feeds/..%252fsecret.txt",
      "/feeds/%252e%252e%252fsecret.txt",
      "/feeds/articles/..%2f..%2fsecret.txt",
      "/feeds/..%5csecret.txt",
      "/feeds/%2e%2e%2fstate%2frevfeed.sqlite",
      "/feeds/..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
      "/feeds/.ots.atom.tmp-1",
      "/feeds/%2eots.atom.tmp-1",
      "/feeds/ots.atom%00.json",
      "/feeds/",
      "/feeds/articles/",
      "/feeds/missing.atom",
    ];
    for (const attempt of attempts) {
      const res = await raw(fx.server.url + attempt);
      expect(res.status, attempt).toBeGreaterThanOrEqual(400);
      expect(res.status, attempt).toBeLessThan(500);
      const text = res.body.toString("utf8");
      expect(text, attempt).not.toContain("TOP-SECRET");
      expect(text, attempt).not.toContain("partial");
      expect(text, attempt).not.toContain("SQLite format");
      expect(text, attempt).not.toContain("root:");
    }
  });
});
