import type { Database } from "better-sqlite3";
import type { ArticleRow } from "./rows.js";
import { cachedStatement as sql } from "./statements.js";
import { toWatched, type WatchedArticle } from "./store.js";

/**
 * The reads behind a cycle's due list (watch/due-queue.ts): the ids first, oldest due first, then the
 * articles a page at a time as checks take them.
 */

/** Ids of the articles whose next check is due, oldest due first. */
export function dueArticleIds(db: Database, now: string, limit: number): number[] {
  return sql(db, "SELECT id FROM articles WHERE next_check_at <= ? ORDER BY next_check_at, id LIMIT ?")
    .pluck()
    .all(now, limit) as number[];
}

/** Ids of the articles still under watch (a next check is planned), due or not, in the same order. */
export function watchedArticleIds(db: Database, limit: number): number[] {
  return sql(db, "SELECT id FROM articles WHERE next_check_at IS NOT NULL ORDER BY next_check_at, id LIMIT ?")
    .pluck()
    .all(limit) as number[];
}

/** These articles, in this order; an id no longer in the store is left out. */
export function articlesByIds(db: Database, ids: readonly number[]): WatchedArticle[] {
  const rows = sql(db, "SELECT a.* FROM json_each(?) j JOIN articles a ON a.id = j.value ORDER BY j.key").all(
    JSON.stringify(ids),
  ) as ArticleRow[];
  return rows.map(toWatched);
}
