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

/** A revision's time, parsed once per snapshot object (publishes sort the same revisions again and again). */
const observed = new WeakMap<PublishRevision, number>();
function observedTime(rev: PublishRevision): number {
  let t = observed.get(rev);
  if (t === undefined) {
    t = time(rev.observedAt);
    observed.set(rev, t);
  }
  return t;
}

/** Time of the article's latest revision or event: the current-state entry's `updated`. */
export function articleUpdated(article: PublishArticle): string {
  return new Date(updatedTime(article)).toISOString();
}

/** articleUpdated as a number, once per snapshot object. */
const updated = new WeakMap<PublishArticle, number>();
function updatedTime(article: PublishArticle): number {
  let t = updated.get(article);
  if (t === undefined) {
    const times = [article.updatedAt, article.removedAt, article.revisions[0]?.observedAt].filter(
      (s): s is string => typeof s === "string",
    );
    t = Math.max(...times.map(time));
    updated.set(article, t);
  }
  return t;
}

/** Sort keys are computed once per item: parsing dates inside the comparator made a publish cost ~20 ms. */
export function selectArticles(articles: PublishArticle[], config: PublishConfig): PublishArticle[] {
  return articles
    .filter((a) => matchesFeed(a, config))
    .map((article) => ({ article, at: updatedTime(article) }))
    .sort((a, b) => b.at - a.at || b.article.id - a.article.id)
    .slice(0, config.limit)
    .map((s) => s.article);
}

export interface SelectedRevision {
  article: PublishArticle;
  revision: PublishRevision;
}

type Candidate = SelectedRevision & { at: number };
const newestFirst = (a: Candidate, b: Candidate) =>
  b.at - a.at || b.article.id - a.article.id || b.revision.seq - a.revision.seq;

/**
 * The `limit` newest revisions. Candidates are pruned to the newest `limit` now and then, and anything
 * older than the oldest of those is skipped: most of a long history never becomes a candidate. Sorting
 * is stable, so ties keep the order a single sort of every candidate gives.
 */
export function selectRevisions(articles: PublishArticle[], config: PublishConfig): SelectedRevision[] {
  const limit = config.limit;
  let kept: Candidate[] = [];
  let oldest = Number.NEGATIVE_INFINITY;
  for (const article of articles) {
    if (!matchesFeed(article, config)) continue;
    for (const revision of article.revisions) {
      if (revision.minor && !config.includeMinor) continue;
      const at = observedTime(revision);
      if (at < oldest) continue;
      kept.push({ article, revision, at });
      if (kept.length >= 4 * limit) {
        kept = kept.sort(newestFirst).slice(0, limit);
        oldest = (kept[kept.length - 1] as Candidate).at;
      }
    }
  }
  return kept
    .sort(newestFirst)
    .slice(0, limit)
    .map(({ article, revision }) => ({ article, revision }));
}
