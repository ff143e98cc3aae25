import type { Database } from "better-sqlite3";
import type { ArticleEvent, Revision } from "../model.js";
import { type ArticleRow, type EventRow, type RevisionRow, toEvent, toRevision } from "./rows.js";
import { cachedStatement } from "./statements.js";
import { toWatched, type WatchedArticle } from "./store.js";

/** Read queries behind feed publishing: which articles a feed's filters select, newest first. */

export interface FeedFilter {
  tags: string[];
  sources: string[];
  languages: string[];
}

const sql = cachedStatement;

const FILTER_SQL = `
  (json_array_length(@tags) = 0 OR EXISTS (
     SELECT 1 FROM json_each(a.tags) t WHERE t.value IN (SELECT value FROM json_each(@tags))))
  AND (json_array_length(@sources) = 0 OR a.source_id IN (SELECT value FROM json_each(@sources)))
  AND (json_array_length(@languages) = 0 OR a.lang IN (SELECT value FROM json_each(@languages)))`;

function params(filter: FeedFilter, limit: number) {
  return {
    tags: JSON.stringify(filter.tags),
    sources: JSON.stringify(filter.sources),
    languages: JSON.stringify(filter.languages),
    limit,
  };
}

/** Ids of the articles a feed shows: the most recently changed ones, and the owners of its newest revisions. */
export function feedArticleIds(
  db: Database,
  filter: FeedFilter,
  limit: number,
  includeMinor: boolean,
): number[] {
  const byChange = sql(
    db,
    `SELECT a.id FROM articles a WHERE a.revision_count > 0 AND ${FILTER_SQL}
       ORDER BY COALESCE(a.last_changed_at, a.first_seen_at) DESC, a.id DESC LIMIT @limit`,
  )
    .pluck()
    .all(params(filter, limit)) as number[];
  const byRevision = sql(
    db,
    `SELECT DISTINCT r.article_id FROM (
         SELECT r.article_id, r.observed_at, r.id FROM revisions r JOIN articles a ON a.id = r.article_id
         WHERE (@includeMinor = 1 OR r.minor = 0) AND ${FILTER_SQL}
         ORDER BY r.observed_at DESC, r.id DESC LIMIT @limit) r`,
  )
    .pluck()
    .all({ ...params(filter, limit), includeMinor: includeMinor ? 1 : 0 }) as number[];
  return [...new Set([...byChange, ...byRevision])];
}

export interface ArticleWithHistory {
  article: WatchedArticle;
  revisions: Revision[];
  events: ArticleEvent[];
}

/**
 * One article with its newest revisions (newest first, up to `limit`, only those after `afterSeq`: a caller
 * that already holds the older ones, which never change, reads just the new) and all its events.
 */
export function articleWithHistory(
  db: Database,
  id: number,
  limit: number,
  afterSeq = 0,
): ArticleWithHistory | null {
  const row = sql(db, "SELECT * FROM articles WHERE id = ?").get(id) as ArticleRow | undefined;
  if (!row) return null;
  const revisions = (
    sql(db, "SELECT * FROM revisions WHERE article_id = ? AND seq > ? ORDER BY seq DESC LIMIT ?").all(
      id,
      afterSeq,
      limit,
    ) as RevisionRow[]
  ).map(toRevision);
  const events = (
    sql(db, "SELECT * FROM events WHERE article_id = ? ORDER BY at, id").all(id) as EventRow[]
  ).map(toEvent);
  return { article: toWatched(row), revisions, events };
}

/**
 * A cheap fingerprint per article of everything a publishing snapshot reads from it: the article row's
 * shown fields, its revision count (revisions are immutable once stored; retag runs in another process)
 * and its newest event. Equal fingerprints mean an unchanged snapshot.
 */
export function articleVersions(db: Database, ids: readonly number[]): Map<number, string> {
  const rows = sql(
    db,
    `SELECT a.id, json_array(a.status, a.revision_count, a.last_changed_at, a.first_seen_at, a.tags, a.title,
         a.lang, a.published_at, a.url, a.source_id,
         (SELECT max(e.id) FROM events e WHERE e.article_id = a.id)) AS version
       FROM articles a WHERE a.id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids)) as { id: number; version: string }[];
  return new Map(rows.map((r) => [r.id, r.version]));
}
