import { createHash } from "node:crypto";
import type { PublishArticle, PublishSite } from "./input.js";
import { cleanText } from "./sanitize.js";

/**
 * A revision entry shows its revision (which never changes once stored) and a few fields of its article
 * and site. Two snapshots of an article with equal keys render each shared revision to the same bytes:
 * the revisions feeds keep such entries (entries.ts) and article feeds take them from their last file
 * (article-reuse.ts).
 */

/** Everything of the site and article that a text revision entry's bytes depend on, besides the revision. */
export function articleEntriesKey(site: PublishSite, article: PublishArticle): string {
  const fields = [
    site.baseUrl,
    site.feedsUrl ?? null,
    site.tagLabels ?? null,
    article.id,
    article.url,
    // The article's title (the newest revision's) shows only in entries of revisions without a title.
    article.revisions.some((r) => cleanText(r.title) === "") ? article.title : null,
    article.lang,
    article.tags,
  ];
  return createHash("sha1").update(JSON.stringify(fields)).digest("base64");
}
