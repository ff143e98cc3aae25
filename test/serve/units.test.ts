import { describe, expect, it } from "vitest";
import { displayParagraphs } from "../../src/serve/display-html.js";
import { negotiateEncoding } from "../../src/serve/feed-encodings.js";
import { feedRelativePath, isNotModified } from "../../src/serve/feed-files.js";
import { html, trusted } from "../../src/serve/html.js";

describe("feedRelativePath", () => {
  it("accepts feed file names and one-level folders, after one decoding", () => {
    expect(feedRelativePath("ots.atom")).toBe("ots.atom");
    expect(feedRelativePath("ots.revisions.json")).toBe("ots.revisions.json");
    expect(feedRelativePath("articles/12.atom")).toBe("articles/12.atom");
    expect(feedRelativePath("articles%2F12.atom")).toBe("articles/12.atom");
  });
  it("refuses traversal, hidden files, other types and broken escapes", () => {
    for (const bad of [
      "../x.atom",
      "..%2fx.atom",
      "%2e%2e%2fx.atom",
      "%252e%252e%252fx.atom",
      ".x.atom",
      "a//b.atom",
      "x.xml",
      "x.atom%00",
      "%E0%A4%A",
      "/etc/x.atom",
      "a\\b.atom",
    ]) {
      expect(feedRelativePath(bad), bad).toBeNull();
    }
  });
});

describe("isNotModified", () => {
  const file = { etag: '"abc"', lastModified: new Date("2025-10-24T10:35:00.900Z") };
  it("matches any encoding's tag of the same version, weak or strong, in a list", () => {
    expect(isNotModified({ "if-none-match": '"abc"' }, file)).toBe(true);
    expect(isNotModified({ "if-none-match": 'W/"abc-br"' }, file)).toBe(true);
    expect(isNotModified({ "if-none-match": '"x", "abc-gzip"' }, file)).toBe(true);
    expect(isNotModified({ "if-none-match": '"abcd"' }, file)).toBe(false);
    expect(isNotModified({ "if-none-match": "*" }, file)).toBe(true);
  });
  it("compares If-Modified-Since in whole seconds and ignores bad dates", () => {
    expect(isNotModified({ "if-modified-since": "Fri, 24 Oct 2025 10:35:00 GMT" }, file)).toBe(true);
    expect(isNotModified({ "if-modified-since": "Fri, 24 Oct 2025 10:34:59 GMT" }, file)).toBe(false);
    expect(isNotModified({ "if-modified-since": "yesterday" }, file)).toBe(false);
    expect(isNotModified({}, file)).toBe(false);
  });
});

describe("negotiateEncoding", () => {
  it("prefers brotli, honours q=0 and the wildcard", () => {
    expect(negotiateEncoding("gzip, deflate, br")).toBe("br");
    expect(negotiateEncoding("gzip")).toBe("gzip");
    expect(negotiateEncoding("br;q=0, gzip;q=0.5")).toBe("gzip");
    expect(negotiateEncoding("*;q=0.1")).toBe("br");
    expect(negotiateEncoding("*, br;q=0, gzip;q=0")).toBeNull();
    expect(negotiateEncoding("identity")).toBeNull();
    expect(negotiateEncoding(undefined)).toBeNull();
  });
});

describe("html template", () => {
  it("escapes interpolations and keeps trusted markup", () => {
    const title = `<img src=x onerror="alert('x')"> & \u202Eevil`;
    expect(html`<p>${title}</p>${trusted("<b>ok</b>")}`.value).toBe(
      "<p>&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt; &amp; evil</p><b>ok</b>",
    );
    expect(html`${["a<", html`<i>b</i>`, null, false, 3]}`.value).toBe("a&lt;<i>b</i>3");
  });
});

describe("displayParagraphs", () => {
  it("re-sanitizes stored HTML, makes links absolute, and falls back to the text", () => {
    const out = displayParagraphs(
      [
        { text: "a", html: `<p onclick="x()">a <a href="/news/1.html">ссылка</a><script>bad()</script></p>` },
        { text: "only text <b>", html: "" },
      ],
      "https://ru.trend.az/azerbaijan/business/4108303.html",
    );
    expect(out).toEqual([
      '<p>a <a href="https://ru.trend.az/news/1.html">ссылка</a></p>',
      "<p>only text &lt;b&gt;</p>",
    ]);
  });
});
