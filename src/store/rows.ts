import type { Article, ArticleEvent, ArticleStatus, ChangeLabel, Revision, TagResult } from "../model.js";

import { decodeParagraphs } from "./paragraph-codec.js";

/** Row shapes as SQLite returns them, and their mapping to model types. */

export interface ArticleRow {
  id: number;
  key: string;
  url: string;
  source_id: string;
  site_id: string | null;
  lang: string | null;
  title: string;
  published_at: string | null;
  first_seen_at: string;
  status: string;
  last_changed_at: string | null;
  last_checked_at: string | null;
  next_check_at: string | null;
  final_checks_left: number;
  etag: string | null;
  last_modified: string | null;
  consecutive_failures: number;
  last_error: string | null;
  revision_count: number;
  tags: string;
}

export interface RevisionRow {
  id: number;
  article_id: number;
  seq: number;
  observed_at: string;
  title: string;
  paragraphs: string;
  hash: string;
  developing: number;
  event: string | null;
  revert_of: number | null;
  labels: string;
  minor: number;
  words_added: number;
  words_removed: number;
  tags: string;
}

export interface EventRow {
  id: number;
  article_id: number;
  at: string;
  kind: string;
  detail: string | null;
}

export function toArticle(row: ArticleRow): Article {
  return {
    id: row.id,
    key: row.key,
    url: row.url,
    sourceId: row.source_id,
    siteId: row.site_id,
    lang: row.lang,
    title: row.title,
    publishedAt: row.published_at,
    firstSeenAt: row.first_seen_at,
    status: row.status as ArticleStatus,
    lastChangedAt: row.last_changed_at,
    lastCheckedAt: row.last_checked_at,
    nextCheckAt: row.next_check_at,
    revisionCount: row.revision_count,
    tags: JSON.parse(row.tags) as string[],
  };
}

/** An article plus the fetch state the watcher keeps for it. */
export interface WatchedArticle extends Article {
  etag: string | null;
  lastModified: string | null;
  finalChecksLeft: number;
  consecutiveFailures: number;
  lastError: string | null;
}

export function toWatched(row: ArticleRow): WatchedArticle {
  // Fields added to toArticle's object, not `{ ...toArticle(row), etag, … }`: V8 (Node 20) gave every
  // object made by that spread a hidden class and descriptor array of its own, about 650 bytes per
  // article (6.5 MB of heap with 10,000 watched) and megamorphic property access wherever articles go.
  const watched = toArticle(row) as WatchedArticle;
  watched.etag = row.etag;
  watched.lastModified = row.last_modified;
  watched.finalChecksLeft = row.final_checks_left;
  watched.consecutiveFailures = row.consecutive_failures;
  watched.lastError = row.last_error;
  return watched;
}

export function toRevision(row: RevisionRow): Revision {
  return {
    id: row.id,
    articleId: row.article_id,
    seq: row.seq,
    observedAt: row.observed_at,
    title: row.title,
    paragraphs: decodeParagraphs(row.paragraphs),
    hash: row.hash,
    developing: row.developing === 1,
    event: row.event === "revert" ? "revert" : null,
    revertOf: row.revert_of,
    labels: JSON.parse(row.labels) as ChangeLabel[],
    minor: row.minor === 1,
    wordsAdded: row.words_added,
    wordsRemoved: row.words_removed,
    tags: JSON.parse(row.tags) as TagResult[],
  };
}

export function toEvent(row: EventRow): ArticleEvent {
  return {
    id: row.id,
    articleId: row.article_id,
    at: row.at,
    kind: row.kind as ArticleEvent["kind"],
    detail: row.detail,
  };
}
