import { describe, expect, it } from "vitest";
import { watchedArticleIds } from "../../src/store/due-queries.js";
import { Store } from "../../src/store/store.js";
import { DueQueue } from "../../src/watch/due-queue.js";
import { newRevision } from "../support/new-revision.js";
import { useTempDir } from "../support/temp-dir.js";

const tempDir = useTempDir("revfeed-due-queue-");
const NOW = "2025-10-24T10:00:00.000Z";

/** `n` watched articles with next checks spread over an hour; every third has a stored revision. */
function storeWith(n: number): { store: Store; revised: Map<number, string> } {
  const store = Store.open(tempDir());
  store.syncSource({ id: "s", url: "https://example.test/feed", profile: "trend" });
  const revised = new Map<number, string>();
  for (let i = 0; i < n; i++) {
    const { article } = store.upsertArticle(
      {
        key: `k${i}`,
        url: `https://example.test/${i}`,
        sourceId: "s",
        siteId: String(i),
        lang: "ru",
        title: `t${i}`,
        publishedAt: null,
      },
      NOW,
    );
    // Out of id order, so the due order and the id order differ.
    const next = new Date(Date.parse(NOW) + ((i * 7919) % n) * 1000).toISOString();
    store.recordCheck(article.id, {
      article: { nextCheckAt: next },
      ...(i % 3 === 0 ? { revision: newRevision({ hash: `hash-${i}` }) } : {}),
    });
    if (i % 3 === 0) revised.set(article.id, `hash-${i}`);
  }
  return { store, revised };
}

describe("DueQueue", () => {
  it("gives every due article once, in due order, reading a page of articles and heads at a time", () => {
    const { store, revised } = storeWith(600);
    const ids = watchedArticleIds(store.db, 10_000);
    expect(ids).toHaveLength(600);
    const queue = new DueQueue(store.db, ids, 256);
    const taken: number[] = [];
    let mostHeads = 0;
    for (let article = queue.take(); article; article = queue.take()) {
      taken.push(article.id);
      expect(article).toEqual(store.getArticle(article.id));
      // The head is there while the article is being checked, and only this page's heads are held.
      expect(queue.heads.get(article.id)?.hash).toBe(revised.get(article.id));
      mostHeads = Math.max(mostHeads, queue.heads.size);
      queue.done(article.id);
      expect(queue.heads.has(article.id)).toBe(false);
    }
    expect(taken).toEqual(ids);
    expect(mostHeads).toBeGreaterThan(0);
    expect(mostHeads).toBeLessThanOrEqual(Math.ceil(256 / 3));
    store.close();
  });

  it("reads a page only when the one before is used up, with the articles' state at that moment", () => {
    const { store } = storeWith(10);
    const ids = watchedArticleIds(store.db, 100);
    const queue = new DueQueue(store.db, ids, 4);
    const first = queue.take();
    // A later page is read after this change, so it sees it; the page already read does not.
    const fifth = ids[4] as number;
    const second = ids[1] as number;
    store.recordCheck(fifth, { article: { etag: '"changed"' } });
    store.recordCheck(second, { article: { etag: '"changed"' } });
    const rest = [queue.take(), queue.take(), queue.take(), queue.take()];
    expect(first?.id).toBe(ids[0]);
    expect(rest.find((a) => a?.id === second)?.etag).toBeNull();
    expect(rest.find((a) => a?.id === fifth)?.etag).toBe('"changed"');
    store.close();
  });

  it("skips ids no longer in the store and ends after the last", () => {
    const { store } = storeWith(5);
    const ids = watchedArticleIds(store.db, 100);
    const queue = new DueQueue(store.db, [...ids.slice(0, 2), 99_999, ...ids.slice(2)], 2);
    const taken: number[] = [];
    for (let article = queue.take(); article; article = queue.take()) taken.push(article.id);
    expect(taken).toEqual(ids);
    expect(queue.take()).toBeUndefined();
    store.close();
  });
});
