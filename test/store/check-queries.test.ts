import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { latestRevisionHead, latestRevisionHeads, revisionHashes } from "../../src/store/check-queries.js";
import { migrate, readMigrations } from "../../src/store/migrate.js";
import { DATABASE_FILE } from "../../src/store/open.js";
import { Store } from "../../src/store/store.js";
import { newRevision } from "../support/new-revision.js";
import { useTempDir } from "../support/temp-dir.js";

const tempDir = useTempDir();
const NOW = "2025-10-24T10:00:00.000Z";

/** Three articles: one revision, three revisions (the last developing), none. */
function fill(store: Store): number[] {
  return ["a", "b", "c"].map((key, i) => {
    const { article } = store.upsertArticle(
      {
        key,
        url: `https://ru.trend.az/${key}.html`,
        sourceId: "trend-ru",
        siteId: key,
        lang: "ru",
        title: key,
        publishedAt: null,
      },
      NOW,
    );
    const revisions = [1, 3, 0][i] ?? 0;
    for (let seq = 1; seq <= revisions; seq++) {
      const text = `${key} ${seq} ${"абзац ".repeat(2000)}`;
      store.recordCheck(article.id, {
        revision: newRevision({
          hash: `${key}${seq}`,
          developing: seq === 3,
          paragraphs: [{ text, html: `<p>${text}</p>` }],
        }),
        article: {},
      });
    }
    return article.id;
  });
}

/**
 * How SQLite runs the reads behind a check (heads of a due list, one head, one article's hashes): the
 * statements the queries prepare are recorded and each is explained with an id for every parameter.
 */
function checkReadPlans(db: Database.Database, ids: number[]): string[] {
  const sources: string[] = [];
  const prepare = db.prepare.bind(db);
  db.prepare = ((source: string) => {
    sources.push(source);
    return prepare(source);
  }) as typeof db.prepare;
  latestRevisionHeads(db, ids);
  latestRevisionHead(db, ids[0] ?? 1);
  revisionHashes(db, ids[0] ?? 1);
  db.prepare = prepare;
  return sources.map((source) => {
    const params: unknown[] = (source.match(/\?/g) ?? []).map(() => 1);
    if (source.includes("json_each")) params[0] = JSON.stringify(ids);
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${source}`).all(...params) as { detail: string }[];
    return plan.map((p) => p.detail).join("; ");
  });
}

describe("revision heads", () => {
  it("are each article's newest seq, hash and marker; an article without revisions has none", () => {
    const store = Store.open(tempDir());
    const [a, b, c] = fill(store) as [number, number, number];
    const heads = latestRevisionHeads(store.db, [c, b, a]);
    expect([...heads.entries()].sort(([x], [y]) => x - y)).toEqual([
      [a, { seq: 1, hash: "a1", developing: false }],
      [b, { seq: 3, hash: "b3", developing: true }],
    ]);
    expect(revisionHashes(store.db, b)).toEqual([
      { seq: 1, hash: "b1" },
      { seq: 2, hash: "b2" },
      { seq: 3, hash: "b3" },
    ]);
    store.close();
  });

  it("are read from an index alone, never from the rows with their texts", () => {
    const store = Store.open(tempDir());
    const plans = checkReadPlans(store.db, fill(store));
    expect(plans).toHaveLength(3);
    for (const plan of plans) {
      expect(plan).toMatch(/USING COVERING INDEX revisions_head/);
      expect(plan).not.toMatch(/USING INDEX/);
    }
    store.close();
  });

  it("get their index in a database made before it, with the same answers", () => {
    const dir = tempDir();
    const old = new Database(`${dir}/${DATABASE_FILE}`);
    migrate(
      old,
      readMigrations().filter((m) => m.version <= 2),
    );
    const ids = fill(new Store(old));
    const before = ids.map((id) => latestRevisionHead(old, id));
    old.close();

    const store = Store.open(dir);
    expect(store.db.pragma("user_version", { simple: true })).toBe(readMigrations().length);
    const heads = latestRevisionHeads(store.db, ids);
    expect(ids.map((id) => heads.get(id) ?? null)).toEqual(before);
    expect(checkReadPlans(store.db, ids)[0]).toMatch(/COVERING INDEX revisions_head/);
    store.close();
  });
});
