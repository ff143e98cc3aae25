import { describe, expect, it } from "vitest";
import type { Revision } from "../../src/model.js";
import { articlesByIds, dueArticleIds, watchedArticleIds } from "../../src/store/due-queries.js";
import { readMigrations } from "../../src/store/migrate.js";
import type { NewRevision } from "../../src/store/store.js";
import { Store } from "../../src/store/store.js";
import { newRevision } from "../support/new-revision.js";
import { useTempDir } from "../support/temp-dir.js";

const tempDir = useTempDir();

function revision(overrides: Partial<NewRevision> = {}): NewRevision {
  return newRevision({
    developing: true,
    tags: [{ tag: "ots", evidence: [{ rule: "ots.ru", match: "ОТГ", start: 0, end: 3 }] }],
    etag: '"a"',
    finalUrl: "https://ru.trend.az/a/1.html",
    ...overrides,
  });
}

function newStore(): Store {
  return Store.open(tempDir());
}

const item = {
  key: "ru.trend.az/1",
  url: "https://ru.trend.az/a/1.html",
  sourceId: "trend-ru",
  siteId: "1",
  lang: "ru",
  title: "T",
  publishedAt: null,
};

describe("Store", () => {
  it("creates the schema with WAL and records the migration version", () => {
    const store = newStore();
    expect(store.db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(store.db.pragma("synchronous", { simple: true })).toBe(1); // NORMAL
    expect(store.db.pragma("wal_autocheckpoint", { simple: true })).toBe(4000);
    expect(store.db.pragma("user_version", { simple: true })).toBe(readMigrations().length);
    // The article list is served from the expression index, not by sorting the whole table.
    const plan = store.db
      .prepare(
        "EXPLAIN QUERY PLAN SELECT * FROM articles ORDER BY COALESCE(last_changed_at, first_seen_at) DESC, id DESC LIMIT 10",
      )
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(" ")).toMatch(/articles_by_change/);
    store.close();
  });

  it("keeps one article per canonical key and remembers every feed it came from", () => {
    const store = newStore();
    const first = store.upsertArticle(item, "2025-10-24T10:00:00.000Z");
    const again = store.upsertArticle({ ...item, sourceId: "trend-ru-business" }, "2025-10-24T10:05:00.000Z");
    expect(first.created).toBe(true);
    expect(again.created).toBe(false);
    expect(again.article.id).toBe(first.article.id);
    expect(store.countArticles()).toBe(1);
    const sources = store.db
      .prepare("SELECT source_id FROM article_sources ORDER BY source_id")
      .pluck()
      .all();
    expect(sources).toEqual(["trend-ru", "trend-ru-business"]);
    store.close();
  });

  it("never stores the same text twice in a row, even when a check is repeated", () => {
    const store = newStore();
    const { article } = store.upsertArticle(item, "2025-10-24T10:00:00.000Z");
    const a = store.recordCheck(article.id, { revision: revision(), article: { lastChangedAt: "x" } });
    const b = store.recordCheck(article.id, { revision: revision(), article: {} });
    const c = store.recordCheck(article.id, { revision: revision({ hash: "h2" }), article: {} });
    expect(a?.seq).toBe(1);
    expect(b).toBeNull();
    expect(c?.seq).toBe(2);
    expect(store.listRevisions(article.id).map((r) => r.hash)).toEqual(["h1", "h2"]);
    expect(store.getArticle(article.id)?.revisionCount).toBe(2);
    expect(store.getArticle(article.id)?.tags).toEqual(["ots"]);
    store.close();
  });

  it("returns the revision it stored exactly as reading it back gives it, less the text", () => {
    const store = newStore();
    const { article } = store.upsertArticle(item, "2025-10-24T10:00:00.000Z");
    const first = store.recordCheck(article.id, { revision: revision(), article: {} });
    const revert = store.recordCheck(article.id, {
      revision: revision({ hash: "h2", event: "revert", revertOf: 1, developing: false, minor: true }),
      article: {},
    });
    const readBack = (seq: number) => {
      const { paragraphs, ...rest } = store.getRevision(article.id, seq) as Revision;
      expect(paragraphs).toEqual(revision().paragraphs);
      return rest;
    };
    expect(first).toEqual(readBack(1));
    expect(revert).toEqual(readBack(2));
    expect(revert).toMatchObject({ seq: 2, event: "revert", revertOf: 1, minor: true, developing: false });
    store.close();
  });

  it("updates exactly the article fields a check gives: undefined leaves one alone, null clears it", () => {
    const store = newStore();
    const { article } = store.upsertArticle(item, "2025-10-24T10:40:00Z");
    const at = "2025-10-24T10:42:00.000Z";
    store.recordCheck(article.id, {
      article: { etag: '"e1"', lastError: "timeout", consecutiveFailures: 2 },
    });
    store.recordCheck(article.id, { article: { lastError: null, etag: undefined, lastCheckedAt: at } });
    // The same columns in another order, and another set: each its own statement.
    store.recordCheck(article.id, { article: { lastCheckedAt: at, lastError: "again", etag: undefined } });
    store.recordCheck(article.id, { article: { consecutiveFailures: 0 } });
    const got = store.getArticle(article.id);
    expect([got?.etag, got?.lastError, got?.lastCheckedAt, got?.consecutiveFailures]).toEqual([
      '"e1"',
      "again",
      at,
      0,
    ]);
    store.recordCheck(article.id, { article: { lastError: null, etag: undefined, lastCheckedAt: at } });
    expect(store.getArticle(article.id)?.lastError).toBeNull();
    expect(store.getArticle(article.id)?.etag).toBe('"e1"');
    store.close();
  });

  it("finds articles by id, key, url and site id, and lists due ones", () => {
    const store = newStore();
    const { article } = store.upsertArticle(item, "2025-10-24T10:00:00.000Z");
    expect(store.findArticle({ siteId: "1" })?.id).toBe(article.id);
    expect(store.findArticle({ url: item.url })?.id).toBe(article.id);
    expect(store.findArticle({ keys: ["nope", item.key] })?.id).toBe(article.id);
    expect(store.findArticle({ id: 999 })).toBeNull();
    store.recordCheck(article.id, { article: { nextCheckAt: "2025-10-24T11:00:00.000Z" } });
    expect(dueArticleIds(store.db, "2025-10-24T10:59:00.000Z", 10)).toEqual([]);
    expect(dueArticleIds(store.db, "2025-10-24T11:00:00.000Z", 10)).toEqual([article.id]);
    expect(watchedArticleIds(store.db, 10)).toEqual([article.id]);
    expect(articlesByIds(store.db, [article.id, 999])).toEqual([store.getArticle(article.id)]);
    store.close();
  });

  it("opens read-only for readers and refuses writes", () => {
    const dir = tempDir();
    Store.open(dir).close();
    const reader = Store.open(dir, { readonly: true });
    expect(() => reader.setMeta("k", "v")).toThrow(/readonly/);
    reader.close();
  });
});
