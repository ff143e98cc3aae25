import type { ArticleStatus, ChangeLabel } from "../model.js";

/**
 * What the publisher needs, as a plain snapshot the caller builds from the store after a cycle.
 * Publishing never reads the store or the diff engine itself: rendering stays pure and testable.
 * Times are ISO 8601 strings in UTC.
 */

export interface PublishRevision {
  /** 1, 2, 3 … per article, never reused: part of the revision entry's permanent id. */
  seq: number;
  /** When revfeed detected this revision: the revision entry's `published` and `updated`. */
  observedAt: string;
  title: string;
  /** Paragraph HTML as stored; sanitized again here (allowlist) before it reaches a feed. */
  paragraphsHtml: string[];
  labels: ChangeLabel[];
  /** Typography-only: left out of revision feeds unless the feed's `includeMinor` is set. */
  minor: boolean;
  wordsAdded: number;
  wordsRemoved: number;
  /** The developing-story marker was present. */
  developing: boolean;
  /** `removed`: the page disappeared (a visible entry of its own); `revert`: text returned to `revertOf`. */
  event: "revert" | "removed" | null;
  revertOf: number | null;
  /** For `removed` entries: the store's event id, which makes the entry's permanent id (seq is the last text's). */
  eventId?: number;
  /** Diff from the previous revision, rendered by the diff engine (empty for the first revision). */
  diffHtml: string;
}

export interface PublishArticle {
  id: number;
  /** The source page (absolute http(s) URL). */
  url: string;
  title: string;
  lang: string | null;
  sourceId: string;
  status: ArticleStatus;
  /** Tag ids (for example `ots`); shown as categories with a label from `PublishSite.tagLabels`. */
  tags: string[];
  publishedAt: string | null;
  firstSeenAt: string;
  /** Time of the latest revision or event: the current-state entry's `updated`. */
  updatedAt: string;
  removedAt: string | null;
  /** Newest first; bounded by the caller (the per-article feed shows what is given). */
  revisions: PublishRevision[];
}

export interface PublishSite {
  /** Where `revfeed serve` is reachable; article pages are `<baseUrl>/articles/<id>`. */
  baseUrl: string;
  /** Where the feed files are served; default `<baseUrl>/feeds`. Self links are `<feedsUrl>/<file>`. */
  feedsUrl?: string;
  /** WebSub hub: adds `rel="hub"` links and is pinged after a feed changes. */
  hub?: string;
  /** Generator name written into feeds, for example `revfeed 0.1.0`. */
  generator: string;
  /** Human labels for tag ids (`ots` → `Organization of Turkic States`); the id is used when missing. */
  tagLabels?: Record<string, string>;
}
