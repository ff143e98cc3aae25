import type { PublishConfig } from "../config/schema.js";
import type { PublishArticle, PublishRevision } from "./input.js";

/** Which articles and revisions one configured feed carries, newest first and bounded. */

export function matchesFeed(article: PublishArticle, config: PublishConfig): boolean {
  if (config.tags.length > 0 && !article.tags.some((t) => config.tags.includes(t))) return false;
  if (config.sources.length > 0 && !config.sources.includes(article.sourceId)) return false;
  if (config.languages.length > 0 && (article.lang === null || !config.languages.includes(article.lang)))
    return false;
  return true;
}

const time = (iso: string) => Date.parse(iso);

/** Time of the article's latest revision or event: the current-state entry's `updated`. */
export function articleUpdated(article: PublishArticle): string {
  const times = [article.updatedAt, article.removedAt, article.revisions[0]?.observedAt].filter(
    (t): t is string => typeof t === "string",
  );
  return new Date(Math.max(...times.map(time))).toISOString();
}

export function selectArticles(articles: PublishArticle[], config: PublishConfig): PublishArticle[] {
  return articles
    .filter((a) => matchesFeed(a, config))
    .sort((a, b) => time(articleUpdated(b)) - time(articleUpdated(a)) || b.id - a.id)
    .slice(0, config.limit);
}

export interface SelectedRevision {
  article: PublishArticle;
  revision: PublishRevision;
}

export function selectRevisions(articles: PublishArticle[], config: PublishConfig): SelectedRevision[] {
  const all: SelectedRevision[] = [];
  for (const article of articles) {
    if (!matchesFeed(article, config)) continue;
    for (const revision of article.revisions) {
      if (revision.minor && !config.includeMinor) continue;
      all.push({ article, revision });
    }
  }
  return all
    .sort(
      (a, b) =>
        time(b.revision.observedAt) - time(a.revision.observedAt) ||
        b.article.id - a.article.id ||
        b.revision.seq - a.revision.seq,
    )
    .slice(0, config.limit);
}
