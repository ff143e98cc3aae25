import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_MARKERS } from "../../src/config/default-markers.js";
import { extractArticle } from "../../src/extract/index.js";
import type { ExtractedArticle } from "../../src/model.js";
import { parseFeed } from "../../src/sources/parse-feed.js";
import { detectMarker } from "../../src/watch/marker.js";
import { seedStory } from "../support/seed.js";

const page = (name: string) =>
  readFileSync(path.resolve(import.meta.dirname, "../fixtures/pages", `${name}.html`), "utf8");
const golden = (name: string) => `./__goldens__/${name}.json`;

function extracted(name: string, url: string, profile: "trend" | "generic" = "trend"): ExtractedArticle {
  const result = extractArticle(page(name), url, profile);
  if (!result.ok) throw new Error(`${name}: ${result.message}`);
  return result.article;
}

/** Every string that only the page furniture carries; none may reach an article body. */
const NOISE =
  /Просмотров|Views:|Baxış|Реклама|Reklam|Курс маната|Погода|Самое читаемое|Каджыр: Турция|Президент Ильхам|Facebook|WhatsApp|Telegram|@trend|agency@trend|Trend-i buradan|UTC \+04|Chronicles of Victory|© 20|Автор|adfox|Ya\.adfox/;

const SEED_URL = "https://ru.trend.az/azerbaijan/business/4108303.html";
const TITLE = "В Баку проходит второе заседание министров промышленности ОТГ";
const seed = seedStory();

describe("Trend ru: the seed story in three revisions (domain §6.1)", () => {
  const versions = ["v1", "v2", "v3"].map((v) => extracted(`trend-ru-4108303-${v}`, SEED_URL));

  it.each([0, 1, 2])("revision %i matches its golden file", async (i) => {
    await expect(`${JSON.stringify(versions[i], null, 2)}\n`).toMatchFileSnapshot(
      golden(`trend-ru-4108303-v${i + 1}`),
    );
  });

  it("has every seed paragraph, in order, and nothing else but the marker", () => {
    const texts = versions.map((a) => a.paragraphs.map((p) => p.text));
    expect(texts[0]).toEqual([...seed.paragraphs.slice(0, 3), "Новость обновляется"]);
    expect(texts[1]).toEqual([...seed.paragraphs.slice(0, 6), "Новость обновляется..."]);
    expect(texts[2]).toEqual(seed.paragraphs);
  });

  it("keeps boilerplate out of the body and the page furniture out of the metadata", () => {
    for (const article of versions) {
      for (const p of article.paragraphs) {
        expect(p.text).not.toMatch(NOISE);
        expect(p.html).not.toMatch(/<script|<div|class=|adfox/);
      }
      expect(article).toMatchObject({ byline: "Севиндж Алиева", lang: "ru" });
    }
  });

  it("tracks the marker developing → developing → final and the title gaining (ФОТО)", () => {
    const developing = versions.map((a) =>
      detectMarker(
        a.paragraphs.map((p) => p.text),
        DEFAULT_MARKERS,
      ),
    );
    expect(developing.map((d) => d.developing)).toEqual([true, true, false]);
    expect(developing[1]?.index).toBe(6);
    expect(versions.map((a) => a.title)).toEqual([TITLE, `${TITLE} (ФОТО)`, `${TITLE} (ФОТО)`]);
  });

  it("states the same instant as the feed: meta +04:00 and RSS +0400 both give 10:35Z", async () => {
    const xml = readFileSync(path.resolve(import.meta.dirname, "../fixtures/feeds/trend-rss2.xml"), "utf8");
    const [item] = await parseFeed(xml, "https://ru.trend.az/feeds/index.rss");
    expect(versions[0]?.publishedAt).toBe("2025-10-24T10:35:00.000Z");
    expect(item?.publishedAt).toBe(versions[0]?.publishedAt);
  });

  it("reads the time from span.date-time when the meta tags are missing", () => {
    const html = page("trend-ru-4108303-v1").replace(
      /<meta (property|itemprop)="(article:published_time|datePublished)"[^>]*>/g,
      "",
    );
    const result = extractArticle(html, SEED_URL, "trend");
    expect(result.ok && result.article.publishedAt).toBe("2025-10-24T10:35:00.000Z");
  });
});

describe("Trend az, en and the old layout", () => {
  it("az: date line in Azerbaijani, byline from an author link, marker in a div, footer dropped", async () => {
    const article = extracted("trend-az-3463754", "https://az.trend.az/azerbaijan/incident/3463754.html");
    await expect(`${JSON.stringify(article, null, 2)}\n`).toMatchFileSnapshot(golden("trend-az-3463754"));
    expect(article).toMatchObject({
      publishedAt: "2025-12-06T11:49:00.000Z",
      byline: "Aysel Məmmədova",
      lang: "az",
    });
    const texts = article.paragraphs.map((p) => p.text);
    expect(texts).toHaveLength(4);
    expect(texts.at(-1)).toBe("Xəbər yenilənir");
    expect(texts.join("\n")).not.toMatch(NOISE);
    expect(detectMarker(texts, DEFAULT_MARKERS).developing).toBe(true);
  });

  it("en (www.trend.az): keeps the OTS about-paragraph, drops the WhatsApp footer, language from the host", async () => {
    const article = extracted("trend-en-4108394", "https://www.trend.az/business/4108394.html");
    await expect(`${JSON.stringify(article, null, 2)}\n`).toMatchFileSnapshot(golden("trend-en-4108394"));
    expect(article).toMatchObject({
      title:
        "Baku hosts second meeting of OTS ministers of industry, science, technology and innovation (PHOTO)",
      publishedAt: "2025-10-24T11:10:00.000Z",
      byline: "Leman Zeynalova",
      lang: "en",
    });
    const texts = article.paragraphs.map((p) => p.text);
    expect(texts[0]).toMatch(/^BAKU, Azerbaijan, October 24\. .* Trend reports\.$/);
    expect(texts.at(-1)).toMatch(
      /^The Organization of Turkic States \(OTS\) is .* situated in Istanbul, Türkiye\.$/,
    );
    expect(texts.join("\n")).not.toMatch(NOISE);
    expect(article.paragraphs[2]?.html).toContain(
      'href="https://www.trend.az/azerbaijan/politics/4100532.html"',
    );
  });

  it("old layout: loose text split at double line breaks, @www_Trend_Az and agency@trend.az footers dropped", async () => {
    const article = extracted("trend-ru-old-layout", "https://ru.trend.az/business/3000001.html");
    await expect(`${JSON.stringify(article, null, 2)}\n`).toMatchFileSnapshot(golden("trend-ru-old-layout"));
    expect(article.title).toBe("Азербайджан и Казахстан обсудили транзитные перевозки");
    expect(article.publishedAt).toBe("2019-03-12T07:20:00.000Z");
    expect(article.paragraphs.map((p) => p.text)).toEqual([
      "Баку/Trend/ – Азербайджан и Казахстан обсудили увеличение объема транзитных перевозок по Транскаспийскому международному транспортному маршруту.",
      "Об этом сообщили в Министерстве транспорта, связи и высоких технологий Азербайджана. Стороны договорились о совместной тарифной политике. Переговоры продолжатся в Астане.",
    ]);
    expect(article.paragraphs[1]?.html).toBe(
      "<p>Об этом сообщили в Министерстве транспорта, связи и высоких технологий Азербайджана. Стороны договорились о <b>совместной тарифной политике</b>.<br /> Переговоры продолжатся в Астане.</p>",
    );
  });
});

describe("generic profile", () => {
  it("a decoded windows-1251 page: headline from the h1, meta time, no aside, footer or clock", async () => {
    const article = extracted("generic-cp1251-dayaz", "https://news.day.az/economy/1790491.html", "generic");
    await expect(`${JSON.stringify(article, null, 2)}\n`).toMatchFileSnapshot(golden("generic-cp1251-dayaz"));
    expect(article).toMatchObject({
      title: "Азербайджан наращивает торговлю со странами ОТГ",
      publishedAt: "2025-10-24T12:05:00.000Z",
      lang: "ru",
    });
    const texts = article.paragraphs.map((p) => p.text);
    expect(texts).toHaveLength(6);
    expect(texts[3]).toBe("Следующее заседание");
    expect(article.paragraphs[3]?.html).toBe("<h3>Следующее заседание</h3>");
    expect(texts.join("\n")).not.toMatch(/Самое читаемое|Просмотров|Все права|Сейчас|Политика|16:05/);
    const last = article.paragraphs[5]?.html ?? "";
    expect(last).toContain('src="https://news.day.az/uploads/2025/10/ots.jpg"');
    expect(last).not.toMatch(/onerror|javascript:/);
  });
});

describe("pages that are not articles", () => {
  it.each(["trend", "generic"] as const)("a listing page is refused as a listing (%s profile)", (profile) => {
    const result = extractArticle(page("trend-ru-listing"), "https://ru.trend.az/latest/", profile);
    expect(result).toMatchObject({ ok: false, reason: "listing" });
  });

  it("an empty page is refused as empty", () => {
    expect(extractArticle(" \n", SEED_URL, "trend")).toEqual({
      ok: false,
      reason: "empty",
      message: `extract ${SEED_URL}: the page is empty`,
    });
  });

  it("a page without the article container is refused as no-body, naming the URL", () => {
    const result = extractArticle(
      "<html><body><h1>Страница не найдена</h1></body></html>",
      SEED_URL,
      "trend",
    );
    expect(result).toMatchObject({ ok: false, reason: "no-body" });
    expect(!result.ok && result.message).toContain(SEED_URL);
  });

  it("an article container holding only boilerplate is refused as empty", () => {
    const html = `<div class="article-content"><div class="advert-1">Реклама</div><p>Stay up-to-date with more news on Trend News Agency's WhatsApp channel</p></div>`;
    expect(extractArticle(html, SEED_URL, "trend")).toMatchObject({ ok: false, reason: "empty" });
  });

  it("a body without any title is refused as no-title", () => {
    const html = `<div class="article-content"><p>${seed.paragraphs[0]}</p></div>`;
    expect(extractArticle(html, SEED_URL, "trend")).toMatchObject({ ok: false, reason: "no-title" });
  });

  it("a body shorter than minChars is refused as too-short", () => {
    const html = `<h1>Заголовок</h1><div class="article-content"><p>Коротко.</p></div>`;
    expect(extractArticle(html, SEED_URL, "trend")).toMatchObject({ ok: false, reason: "too-short" });
    expect(extractArticle(html, SEED_URL, "trend", { minChars: 5 }).ok).toBe(true);
  });

  it("a generic page without article text is refused", () => {
    const result = extractArticle(
      "<html><body><nav><a href='/'>Home</a></nav></body></html>",
      "https://x.example/",
      "generic",
    );
    expect(result.ok).toBe(false);
  });
});
