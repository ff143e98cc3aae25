/**
 * Shared nouns of revfeed. This file imports nothing: every stage speaks in these types.
 * Times are ISO 8601 strings in UTC (`2025-10-24T10:35:00.000Z`).
 */

/** One block of an article body: plain text for hashing and diffing, sanitized HTML for display. */
export interface Paragraph {
  text: string;
  html: string;
}

/** What an extraction profile pulls out of an article page. */
export interface ExtractedArticle {
  title: string;
  /** Publication time in UTC, when the page states one. */
  publishedAt: string | null;
  byline: string | null;
  /** BCP 47 language of the page (`ru`, `en`, `az` …), when known. */
  lang: string | null;
  paragraphs: Paragraph[];
}

/** An item found in a source feed, before it is fetched. */
export interface FeedItem {
  url: string;
  title: string | null;
  /** Feed date in UTC, when the item has a parsable one. */
  publishedAt: string | null;
  guid: string | null;
  summary: string | null;
}

export type ArticleStatus = "watching" | "developing" | "final" | "removed" | "stopped";

export interface Article {
  id: number;
  /** Canonical key: host + site id, or the normalized URL (see sources/canonical-url.ts). */
  key: string;
  url: string;
  sourceId: string;
  siteId: string | null;
  lang: string | null;
  title: string;
  publishedAt: string | null;
  firstSeenAt: string;
  status: ArticleStatus;
  lastChangedAt: string | null;
  lastCheckedAt: string | null;
  nextCheckAt: string | null;
  revisionCount: number;
  /** Tags of the latest revision. */
  tags: string[];
}

/** Why a tag was given: the rule and the matched span in the tagged text. */
export interface TagEvidence {
  rule: string;
  match: string;
  start: number;
  end: number;
}

export interface TagResult {
  tag: string;
  evidence: TagEvidence[];
}

/** Kinds of change a revision makes, computed from the diff against the previous revision. */
export type ChangeLabel =
  | "new"
  | "headline"
  | "lead"
  | "appended"
  | "inserted"
  | "removed-text"
  | "correction"
  | "typography"
  | "marker-removed"
  | "revert";

export interface Revision {
  id: number;
  articleId: number;
  /** 1, 2, 3 … per article, never reused. */
  seq: number;
  observedAt: string;
  title: string;
  paragraphs: Paragraph[];
  /** Hash of the normalized title and body text. */
  hash: string;
  /** The developing-story marker was present. */
  developing: boolean;
  /** `revert` when the text returned to an earlier revision (then `revertOf` names it). */
  event: "revert" | null;
  revertOf: number | null;
  labels: ChangeLabel[];
  /** Typography-only change: stored, hidden by default. */
  minor: boolean;
  wordsAdded: number;
  wordsRemoved: number;
  tags: TagResult[];
}

/** Something that happened to an article that is not a change of its text. */
export interface ArticleEvent {
  id: number;
  articleId: number;
  at: string;
  kind: "removed" | "restored" | "final" | "stopped" | "extract-failed";
  detail: string | null;
}
