import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/store/open.js";
import { type NewRevision, Store } from "../../src/store/store.js";
import { CheckBatch } from "../../src/watch/check-batch.js";
import { newRevision as revision } from "../support/new-revision.js";
import { useTempDir } from "../support/temp-dir.js";

const tempDir = useTempDir("revfeed-batch-");
const AT = "2025-10-24T10:40:00.000Z";

function storeWithArticles(dir: string, n: number): { store: Store; ids: number[] } {
  const store = Store.open(dir);
  const ids = Array.from({ length: n }, (_, i) => {
    const item = {
      key: `k${i}`,
      url: `https://ru.trend.az/a/${i}.html`,
      sourceId: "s",
      siteId: null,
      lang: "ru",
    };
    return store.upsertArticle({ ...item, title: "", publishedAt: null }, AT).article.id;
  });
  return { store, ids };
}

describe("check bookkeeping sharing commits", () => {
  it("is invisible to other connections until the batch commits, then all of it is there", () => {
    const dir = tempDir();
    const { store, ids } = storeWithArticles(dir, 3);
    const reader = openDatabase(dir, { readonly: true });
    const checkedAt = () =>
      reader.prepare("SELECT last_checked_at FROM articles ORDER BY id").pluck().all() as (string | null)[];
    const batch = new CheckBatch(store.db, (err) => {
      throw err;
    });
    for (const id of ids) batch.add(() => store.recordCheck(id, { article: { lastCheckedAt: AT } }));
    expect(checkedAt()).toEqual([null, null, null]);
    batch.flush();
    expect(checkedAt()).toEqual([AT, AT, AT]);
    reader.close();
    store.close();
  });

  it("commits by itself after maxChecks, and a failing check takes only its own writes with it", () => {
    const dir = tempDir();
    const { store, ids } = storeWithArticles(dir, 3);
    const reader = openDatabase(dir, { readonly: true });
    const errors: Error[] = [];
    const batch = new CheckBatch(store.db, (err) => errors.push(err), { maxChecks: 2 });
    const [a, b, c] = ids as [number, number, number];
    batch.add(() => store.recordCheck(a, { article: { lastCheckedAt: AT, consecutiveFailures: 1 } }));
    expect(() =>
      batch.add(() =>
        store.db.transaction(() => {
          store.recordCheck(b, { article: { lastCheckedAt: AT } });
          throw new Error("disk full in the middle of a check");
        })(),
      ),
    ).toThrow("disk full");
    batch.add(() => store.recordCheck(c, { article: { lastCheckedAt: AT } }));
    const rows = reader.prepare("SELECT id, last_checked_at AS at FROM articles ORDER BY id").all();
    expect(rows).toEqual([
      { id: a, at: AT },
      { id: b, at: null },
      { id: c, at: AT },
    ]);
    expect(store.db.inTransaction).toBe(false);
    expect(errors).toEqual([]);
    reader.close();
    store.close();
  });
});

describe("checks that store revisions share commits too", () => {
  it("a full disk rolls back the whole batch: reported, nothing half-written, the next check starts afresh", () => {
    const dir = tempDir();
    const { store, ids } = storeWithArticles(dir, 3);
    const [a, b, c] = ids as [number, number, number];
    const errors: Error[] = [];
    const batch = new CheckBatch(store.db, (err) => errors.push(err));
    batch.add(() =>
      store.recordCheck(a, { revision: newRevision("h-a", 10), article: { lastCheckedAt: AT } }),
    );
    // The file may grow by a few pages only: a big revision cannot fit.
    const pages = store.db.pragma("page_count", { simple: true }) as number;
    store.db.pragma(`max_page_count = ${pages + 2}`);
    expect(() =>
      batch.add(() => store.recordCheck(b, { revision: newRevision("h-b", 20_000), article: {} })),
    ).toThrow(/full/);
    expect(errors.map((e) => e.message)).toEqual([
      "the database rolled back the last 1 checks; they are made again",
    ]);
    store.db.pragma("max_page_count = 1073741823");
    batch.add(() =>
      store.recordCheck(c, { revision: newRevision("h-c", 10), article: { lastCheckedAt: AT } }),
    );
    batch.flush();
    const stored = store.db.prepare("SELECT article_id FROM revisions ORDER BY id").pluck().all();
    expect(stored).toEqual([c]);
    expect(store.db.inTransaction).toBe(false);
    expect(errors).toHaveLength(1);
    store.close();
  });
});

describe("what a check does once its writes are committed", () => {
  it("runs after the commit, with the check's result, and never for a batch that was rolled back", () => {
    const dir = tempDir();
    const { store, ids } = storeWithArticles(dir, 3);
    const [a, b, c] = ids as [number, number, number];
    const batch = new CheckBatch(store.db, () => undefined);
    const seen: string[] = [];
    const committed = (r: { seq: number; articleId: number } | null) =>
      seen.push(`${r?.articleId}/${r?.seq}`);
    const check = (id: number, hash: string, words: number) =>
      batch.add(() => store.recordCheck(id, { revision: newRevision(hash, words), article: {} }), committed);
    check(a, "h-a", 10);
    expect(seen).toEqual([]);
    batch.flush();
    expect(seen).toEqual([`${a}/1`]);

    check(b, "h-b", 10);
    const pages = store.db.pragma("page_count", { simple: true }) as number;
    store.db.pragma(`max_page_count = ${pages + 2}`);
    expect(() => check(c, "h-c", 20_000)).toThrow(/full/);
    store.db.pragma("max_page_count = 1073741823");
    batch.flush();
    expect(seen).toEqual([`${a}/1`]);
    store.close();
  });
});

function newRevision(hash: string, words: number): NewRevision {
  const text = "слово ".repeat(words).trim();
  return revision({
    observedAt: AT,
    paragraphs: [{ text, html: `<p>${text}</p>` }],
    hash,
    wordsAdded: words,
  });
}

describe("two writers (a pm2 reload overlaps the old and new worker)", () => {
  it("a batch takes the write lock before it reads, so it waits instead of failing on a stale snapshot", () => {
    const dir = tempDir();
    const { store, ids } = storeWithArticles(dir, 2);
    const other = Store.open(dir);
    other.db.pragma("busy_timeout = 0");
    const [a, b] = ids as [number, number];
    const mine = new CheckBatch(store.db, (err) => {
      throw err;
    });
    const theirs = new CheckBatch(other.db, (err) => {
      throw err;
    });
    mine.add(() =>
      store.recordCheck(a, { revision: newRevision("h-a", 10), article: { lastCheckedAt: AT } }),
    );
    // While this connection holds its batch, the other cannot even start one: nothing of it is half-done.
    let ran = false;
    expect(() =>
      theirs.add(() => {
        ran = true;
        return other.recordCheck(b, { article: { lastCheckedAt: AT } });
      }),
    ).toThrow(/busy|locked/i);
    expect(ran).toBe(false);
    mine.flush();
    // Once it is committed, the other starts afresh and sees the committed revision.
    theirs.add(() => other.recordCheck(a, { revision: newRevision("h-b", 12), article: {} }));
    theirs.flush();
    const seqs = store.db
      .prepare("SELECT seq FROM revisions WHERE article_id = ? ORDER BY seq")
      .pluck()
      .all(a);
    expect(seqs).toEqual([1, 2]);
    other.close();
    store.close();
  });
});
