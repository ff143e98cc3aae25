import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FeedParseError, parseFeed } from "../../src/sources/parse-feed.js";

const fixture = (name: string) =>
  readFileSync(path.resolve(import.meta.dirname, "../fixtures/feeds", name), "utf8");

async function parseError(xml: string, url: string): Promise<FeedParseError> {
  const err = await parseFeed(xml, url).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FeedParseError);
  return err as FeedParseError;
}

describe("parseFeed: Trend-like RSS 2.0", () => {
  const url = "https://ru.trend.az/feeds/index.rss";

  it("reads items without guid, with +0400 dates in UTC, relative links resolved", async () => {
    const items = await parseFeed(fixture("trend-rss2.xml"), url);
    expect(items[0]).toEqual({
      url: "https://ru.trend.az/azerbaijan/business/4108303.html",
      title: "В Баку проходит второе заседание министров промышленности ОТГ",
      publishedAt: "2025-10-24T10:35:00.000Z",
      guid: null,
      summary: "БАКУ/Trend/ - Тема заседания «От стратегического партнерства к технологической интеграции»",
    });
    expect(items[1]?.url).toBe(
      "https://ru.trend.az/azerbaijan/business/4108436.html?utm_source=rss&utm_medium=feed",
    );
    expect(items[1]?.publishedAt).toBe("2025-10-24T11:10:00.000Z");
  });

  it("keeps items with no date or a bad date, takes a permalink guid as the address, skips addressless items", async () => {
    const items = await parseFeed(fixture("trend-rss2.xml"), url);
    expect(items.map((i) => [i.title, i.publishedAt])).toEqual([
      ["В Баку проходит второе заседание министров промышленности ОТГ", "2025-10-24T10:35:00.000Z"],
      ["Выступление Мехмета Фатиха Каджыра", "2025-10-24T11:10:00.000Z"],
      ["Новость без даты", null],
      ["Item with a bad date", null],
      ["Item with guid only", "2025-10-24T12:00:00.000Z"],
    ]);
    expect(items[4]).toMatchObject({
      url: "https://ru.trend.az/other/4108502.html",
      guid: "https://ru.trend.az/other/4108502.html",
    });
  });
});

describe("parseFeed: RSS 1.0 and Atom", () => {
  it("reads RSS 1.0 (RDF) with dc:date", async () => {
    const items = await parseFeed(fixture("rss1.rdf"), "https://example.org/rss");
    expect(items).toEqual([
      {
        url: "https://example.org/news/1",
        title: "First RDF item",
        publishedAt: "2025-10-24T10:35:00.000Z",
        guid: null,
        summary: "Summary & more",
      },
      {
        url: "https://example.org/news/2",
        title: "Second RDF item",
        publishedAt: "2025-10-24T08:00:00.000Z",
        guid: null,
        summary: null,
      },
    ]);
  });

  it("reads Atom: alternate link resolved, id as guid, published then updated, a bad date stays local", async () => {
    const items = await parseFeed(fixture("atom.xml"), "https://news.example.com/feeds/atom.xml");
    expect(items).toEqual([
      {
        url: "https://news.example.com/az/news/ots-meeting",
        title: "Türk Dövlətləri Təşkilatı & Azərbaycan",
        publishedAt: "2025-10-24T10:35:00.000Z",
        guid: "tag:news.example.com,2025:1",
        summary: "Qısa məzmun",
      },
      {
        url: "https://news.example.com/en/only-updated",
        title: "Only updated",
        publishedAt: "2025-10-24T09:00:00.000Z",
        guid: "tag:news.example.com,2025:2",
        summary: null,
      },
      {
        url: "https://news.example.com/en/bad-date",
        title: "Bad date",
        publishedAt: null,
        guid: "tag:news.example.com,2025:3",
        summary: null,
      },
    ]);
  });
});

describe("parseFeed: what is not a feed", () => {
  const url = "https://ru.trend.az/feeds/index.rss";

  it("an empty but valid feed gives no items", async () => {
    expect(await parseFeed(fixture("empty-feed.xml"), url)).toEqual([]);
  });

  it("an HTML page is named as such, with the feed URL", async () => {
    const err = await parseError(fixture("html-page.html"), url);
    expect(err.problem).toBe("html");
    expect(err.message).toBe(`feed ${url}: got an HTML page, not an RSS or Atom feed`);
  });

  it("malformed XML says where the parser stopped", async () => {
    const err = await parseError(fixture("malformed.xml"), url);
    expect(err.problem).toBe("malformed");
    expect(err.message).toMatch(
      /^feed https:\/\/ru\.trend\.az\/feeds\/index\.rss: malformed XML: .*Line: \d+/,
    );
  });

  it("an empty document (or only whitespace and a BOM) is reported as empty", async () => {
    for (const xml of [fixture("empty-document.xml"), "  \n", "\uFEFF"]) {
      const err = await parseError(xml, url);
      expect(err.problem).toBe("empty");
      expect(err.message).toContain(url);
    }
  });

  it("well-formed XML of another kind names its root element", async () => {
    const err = await parseError('<?xml version="1.0"?><sitemap><url/></sitemap>', url);
    expect(err.problem).toBe("not-a-feed");
    expect(err.message).toContain("<sitemap>");
  });
});

describe("parseFeed: size", () => {
  it("parses a feed of 10,000 items completely", async () => {
    const items = Array.from(
      { length: 10_000 },
      (_, i) =>
        `<item><title><![CDATA[Новость ${i}]]></title><link>https://ru.trend.az/a/${i}.html</link>` +
        `<pubDate>Fri, 24 Oct 2025 14:35:00 +0400</pubDate></item>`,
    ).join("");
    const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>big</title>${items}</channel></rss>`;
    const parsed = await parseFeed(xml, "https://ru.trend.az/feeds/index.rss");
    expect(parsed).toHaveLength(10_000);
    expect(parsed[9_999]?.url).toBe("https://ru.trend.az/a/9999.html");
  });
});
