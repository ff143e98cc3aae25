/**
 * A feed document independent of its format. The builders (build-*.ts) fill it from the publish input;
 * the renderers (atom.ts, rss.ts, json.ts) turn it into bytes. Every string here is already clean:
 * plain text stripped of XML-invalid characters, HTML sanitized, links absolute, times ISO 8601 UTC.
 */

export interface FeedCategory {
  /** Machine id (the tag id). */
  term: string;
  /** Human label shown by readers. */
  label: string;
}

export interface FeedLink {
  href: string;
  rel: "alternate" | "related" | "via";
  /** Media type of the linked resource. */
  type: string;
  title?: string;
}

export interface FeedEntry {
  id: string;
  /** Plain text (never HTML). */
  title: string;
  /** The entry's page: `<link rel="alternate">`, RSS `<link>`, JSON `url`. */
  link: string;
  /** More links: the per-article feed (`related`), the source page (`via`). */
  links: FeedLink[];
  published: string;
  updated: string;
  /** Plain-text one-liner: what changed or the status. */
  summary: string;
  contentHtml: string;
  /**
   * The same content as the strings it is made of (contentHtml is their concatenation), where an entry
   * has them: long parts are strings other entries show too, and renderers share their bytes.
   */
  readonly contentParts?: readonly string[];
  categories: FeedCategory[];
  lang: string | null;
}

/** RFC 6721 tombstone: the entry `ref` was deleted at `when`. */
export interface Tombstone {
  ref: string;
  when: string;
  comment: string;
  /** The article page that keeps the removed article's history. */
  link: string;
}

export interface FeedUrls {
  atom: string;
  rss?: string;
  json?: string;
}

export interface FeedDocument {
  /** File name without extension: `ots`, `ots.revisions`, `articles/12`. */
  stem: string;
  id: string;
  title: string;
  description: string;
  lang: string | null;
  /** Newest entry time, so an unchanged input renders unchanged bytes. */
  updated: string;
  /** Absolute URLs of this document in each format written. */
  urls: FeedUrls;
  /** The HTML page this feed mirrors. */
  homePage: string;
  hub: string | null;
  generator: string;
  authorName: string;
  entries: FeedEntry[];
  tombstones: Tombstone[];
}

/** An empty feed has no entry to date it; a fixed time keeps its bytes stable across runs. */
export const EMPTY_FEED_UPDATED = "1970-01-01T00:00:00.000Z";

export function newestTime(times: string[]): string {
  let best = EMPTY_FEED_UPDATED;
  for (const t of times) if (Date.parse(t) > Date.parse(best)) best = t;
  return new Date(best).toISOString();
}
