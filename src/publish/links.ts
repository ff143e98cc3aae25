import type { PublishSite } from "./input.js";

/**
 * Ids and absolute links of everything revfeed publishes.
 * Ids are RFC 4151 tag URIs. The date part is fixed forever: changing it would make every reader
 * treat every entry as new, so it must not follow the clock or the article's date.
 */
const TAG_DATE = "2025";

function trimSlash(url: string): string {
  return url.replace(/\/+$/, "");
}

export function siteHost(site: PublishSite): string {
  return new URL(site.baseUrl).hostname;
}

/** Current-state entry id: one per article, stable across revisions. */
export function articleEntryId(site: PublishSite, articleId: number): string {
  return `tag:${siteHost(site)},${TAG_DATE}:article/${articleId}`;
}

/** Revision entry id: permanent, one per revision, never reused. */
export function revisionEntryId(
  site: PublishSite,
  articleId: number,
  seq: number,
  removalEventId?: number,
): string {
  // A removal is not a text revision: its own id space, so a later revision's seq can never collide with it.
  const tail = removalEventId === undefined ? `rev/${seq}` : `removed/${removalEventId}`;
  return `tag:${siteHost(site)},${TAG_DATE}:article/${articleId}/${tail}`;
}

/** Feed document id, from its file name (`ots.atom` and `ots.rss` share the id of `ots`). */
export function feedId(site: PublishSite, stem: string): string {
  return `tag:${siteHost(site)},${TAG_DATE}:feed/${stem}`;
}

export function articlePageUrl(site: PublishSite, articleId: number): string {
  return `${trimSlash(site.baseUrl)}/articles/${articleId}`;
}

/** Where one revision is shown on the article page. */
export function revisionPageUrl(site: PublishSite, articleId: number, seq: number): string {
  return `${articlePageUrl(site, articleId)}#rev-${seq}`;
}

/** Diff page of revision `seq` against the one before it; the first revision has only its page anchor. */
export function diffPageUrl(site: PublishSite, articleId: number, seq: number): string {
  return seq > 1
    ? `${articlePageUrl(site, articleId)}/diff?from=${seq - 1}&to=${seq}`
    : revisionPageUrl(site, articleId, seq);
}

export function feedsBaseUrl(site: PublishSite): string {
  return trimSlash(site.feedsUrl ?? `${trimSlash(site.baseUrl)}/feeds`);
}

/** Absolute URL of a file written under the feeds folder (`ots.atom`, `articles/12.atom`). */
export function feedFileUrl(site: PublishSite, file: string): string {
  return `${feedsBaseUrl(site)}/${file}`;
}

export function articleFeedFile(articleId: number): string {
  return `articles/${articleId}.atom`;
}

/** The source page, when it is an absolute http(s) URL; otherwise the article's own page. */
export function sourcePageUrl(site: PublishSite, article: { id: number; url: string }): string {
  try {
    const url = new URL(article.url);
    if (url.protocol === "http:" || url.protocol === "https:") return url.href;
  } catch {
    // fall through: a stored URL that does not parse must not reach a feed
  }
  return articlePageUrl(site, article.id);
}
