import { describe, expect, it } from "vitest";
import { registerArticle } from "../../src/store/register-article.js";
import { Store } from "../../src/store/store.js";
import { useTempDir } from "../support/temp-dir.js";

const tempDir = useTempDir();

const item = {
  key: "ru.trend.az/7",
  url: "https://ru.trend.az/a/7.html",
  sourceId: "trend-ru",
  siteId: "7",
  lang: "ru",
  title: "Саммит ОТГ",
  publishedAt: "2025-10-24T09:58:00.000Z",
};

describe("registerArticle", () => {
  it("adds an article due at once, as upsertArticle does, and finds it again by its key", () => {
    const store = Store.open(tempDir());
    const now = "2025-10-24T10:00:00.000Z";
    const first = store.db.transaction(() => registerArticle(store.db, item, now))();
    const again = store.db.transaction(() =>
      registerArticle(store.db, { ...item, sourceId: "trend-ru-business", title: "changed" }, now),
    )();
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    const article = store.getArticle(first.id);
    expect(article).toMatchObject({
      key: item.key,
      url: item.url,
      sourceId: "trend-ru",
      siteId: "7",
      lang: "ru",
      title: "Саммит ОТГ",
      publishedAt: item.publishedAt,
      status: "watching",
      nextCheckAt: now,
    });
    const sources = store.db.prepare("SELECT source_id FROM article_sources ORDER BY 1").pluck().all();
    expect(sources).toEqual(["trend-ru", "trend-ru-business"]);
    // The same row upsertArticle builds from the same item.
    const other = Store.open(tempDir());
    const upserted = other.upsertArticle(item, now).article;
    expect({ ...upserted, id: first.id }).toEqual(article);
    store.close();
    other.close();
  });
});
