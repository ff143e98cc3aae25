import { afterEach, describe, expect, it } from "vitest";
import { useTempDir } from "../support/temp-dir.js";
import { APPENDED, type RunningFixture, startFixture } from "./fixtures.js";

const tempDir = useTempDir("revfeed-serve-");
let fx: RunningFixture;
afterEach(async () => {
  await fx?.close();
});

async function page(path: string) {
  const res = await fetch(fx.server.url + path);
  return { status: res.status, headers: res.headers, text: await res.text() };
}

describe("pages", () => {
  it("lists articles newest change first with status, tags, counts, subscribe and autodiscovery links", async () => {
    fx = await startFixture(tempDir());
    const { status, headers, text } = await page("/");
    expect(status).toBe(200);
    expect(headers.get("content-type")).toBe("text/html; charset=utf-8");
    const story = text.indexOf(`href="/articles/${fx.ids.story}"`);
    const single = text.indexOf(`href="/articles/${fx.ids.single}"`);
    const hostile = text.indexOf(`href="/articles/${fx.ids.hostile}"`);
    expect(story).toBeGreaterThan(0);
    expect(story).toBeLessThan(single);
    expect(single).toBeLessThan(hostile);
    expect(text).toContain('class="status status-final"');
    expect(text).toContain('class="status status-watching"');
    expect(text).toContain(`<a href="/articles/${fx.ids.story}/diff">3</a>`);
    expect(text).toContain(
      '<link rel="alternate" type="application/atom+xml" title="OTS news" href="/feeds/ots.atom">',
    );
    expect(text).toContain('href="/feeds/ots.revisions.atom"');
    expect(text).toContain('href="/feeds/ots.rss"');
    expect(text).toContain('href="/feeds/ots.json"');
    expect(text).not.toMatch(/<script/i);
  });

  it("filters by tag", async () => {
    fx = await startFixture(tempDir());
    const ots = await page("/?tag=ots");
    expect(ots.text).toContain(`href="/articles/${fx.ids.story}"`);
    expect(ots.text).not.toContain(`href="/articles/${fx.ids.hostile}"`);
    const none = await page("/?tag=nothing");
    expect(none.status).toBe(200);
    expect(none.text).toContain("No articles with this tag yet.");
    const odd = await page(`/?tag=${encodeURIComponent("<b>x</b>")}`);
    expect(odd.status).toBe(200);
    expect(odd.text).toContain(`href="/articles/${fx.ids.hostile}"`);
    expect(odd.text).toContain('Articles tagged <span class="tag">&lt;b&gt;x&lt;/b&gt;</span>');
    expect((await page("/?tag=a%0Ab")).status).toBe(400);
    expect((await page(`/?tag=${"x".repeat(101)}`)).status).toBe(400);
  });

  it("shows an article with its timeline, chart, labels, word counts and latest text", async () => {
    fx = await startFixture(tempDir());
    const { status, text } = await page(`/articles/${fx.ids.story}`);
    expect(status).toBe(200);
    expect(text).toContain("Revisions (3)");
    expect(text).toContain('<svg class="chart"');
    expect(text).toContain("Revision 2, 2025-10-24 10:52 UTC: +26 −0 words");
    expect(text).toContain('<span class="label">correction</span>');
    expect(text).toContain('<span class="label">marker-removed</span>');
    expect(text).toContain('<span class="plus">+2</span> <span class="minus">−3</span>');
    expect(text).toContain(`href="/articles/${fx.ids.story}/diff?from=2&amp;to=3"`);
    expect(text).toContain('id="rev-3"');
    expect(text).toContain("Кубанычбек Омуралиев");
    expect(text).toContain(APPENDED[1]);
    expect(text).toContain(`href="/feeds/articles/${fx.ids.story}.atom"`);
  });

  it("shows a diff: defaults to previous → latest, both layouts, navigation between changes", async () => {
    fx = await startFixture(tempDir());
    const id = fx.ids.story;
    const latest = await page(`/articles/${id}/diff`);
    expect(latest.status).toBe(200);
    expect(latest.text).toContain("Revision 2 → 3");
    expect(latest.text).toMatch(/<del[^>]*>\[− Куманычбек −\]<\/del><ins[^>]*>\[\+ Кубанычбек \+\]<\/ins>/);
    expect(latest.text).toContain('<span class="label">correction</span>');
    expect(latest.text).toContain(`rel="prev" href="/articles/${id}/diff?from=1&amp;to=2"`);
    expect(latest.text).not.toContain('rel="next"');

    const first = await page(`/articles/${id}/diff?from=1&to=2`);
    expect(first.text).toContain("Revision 1 → 2");
    expect(first.text).toContain(`rel="next" href="/articles/${id}/diff?from=2&amp;to=3"`);
    expect(first.text).toContain(`[+ ${APPENDED[0]} +]`);

    const side = await page(`/articles/${id}/diff?from=1&to=3&layout=side-by-side`);
    expect(side.status).toBe(200);
    expect(side.text).toContain("<table");
    expect(side.text).toContain("Side by side");
  });

  it("escapes hostile titles and tags and re-sanitizes article HTML", async () => {
    fx = await startFixture(tempDir());
    for (const path of ["/", `/articles/${fx.ids.hostile}`]) {
      const { status, text } = await page(path);
      expect(status, path).toBe(200);
      expect(text, path).not.toMatch(/<script/i);
      expect(text, path).not.toMatch(/onerror/i);
      expect(text, path).not.toMatch(/javascript:/i);
      expect(text, path).not.toMatch(/<iframe/i);
      expect(text, path).not.toContain("<b>x</b>");
      expect(text, path).toContain(
        "&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; Заголовок &amp; &quot;кавычки&quot;",
      );
    }
    const article = await page(`/articles/${fx.ids.hostile}`);
    expect(article.text).toContain("&lt;b&gt;x&lt;/b&gt;");
    expect(article.text).toContain("с картинкой");
  });

  it("sends the security headers on pages and errors", async () => {
    fx = await startFixture(tempDir());
    for (const path of ["/", `/articles/${fx.ids.story}`, "/articles/999999", "/nowhere"]) {
      const { headers } = await page(path);
      const csp = headers.get("content-security-policy") ?? "";
      expect(csp, path).toContain("default-src 'none'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).not.toContain("script-src");
      expect(headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(headers.get("x-frame-options"), path).toBe("DENY");
      expect(headers.get("referrer-policy"), path).toBe("no-referrer");
    }
  });

  it("answers bad ids and revision numbers with 400 or 404, never 500", async () => {
    fx = await startFixture(tempDir());
    const id = fx.ids.story;
    const cases: [string, number][] = [
      ["/articles/abc", 400],
      ["/articles/0", 400],
      ["/articles/-1", 400],
      ["/articles/1.5", 400],
      ["/articles/99999999999999999999999", 400],
      ["/articles/999999", 404],
      [`/articles/${id}/diff?from=abc`, 400],
      [`/articles/${id}/diff?from=3&to=2`, 400],
      [`/articles/${id}/diff?from=2&to=2`, 400],
      [`/articles/${id}/diff?from=1&to=9`, 404],
      [`/articles/${id}/diff?to=1`, 404],
      [`/articles/${id}/diff?from=1&from=2`, 400],
      [`/articles/${id}/diff?layout=sideways`, 400],
      [`/articles/${fx.ids.single}/diff`, 404],
      ["/articles/999999/diff", 404],
      ["/articles/%E0%A4%A", 400],
      ["/?limit=0", 400],
      ["/?limit=100000", 400],
    ];
    for (const [path, expected] of cases) {
      const { status, headers, text } = await page(path);
      expect(status, path).toBe(expected);
      expect(headers.get("content-type"), path).toMatch(/^text\/html|^application\/json/);
      expect(text.length, path).toBeLessThan(5000);
    }
    const missing = await page("/articles/999999");
    expect(missing.text).toContain("no article with id 999999");
  });
});
