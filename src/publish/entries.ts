import { currentEntry, type EntrySource, releaseContent, revisionEntry } from "./build.js";
import type { FeedEntry } from "./document.js";
import { articleEntriesKey } from "./entry-key.js";
import type { PublishArticle, PublishRevision, PublishSite } from "./input.js";
import type { SelectedRevision } from "./select.js";

/**
 * Entry objects shared within one render and kept between renders. Within a render, a revision entry
 * serves the revisions feeds and the article's own feed alike, and a current-state entry every feed that
 * shows the article. Between renders, only the entries the shared feeds show are kept (a few hundred).
 * A new snapshot of an article takes over the kept entries of its revisions (the same revision objects)
 * while the article fields they show are the same (articleEntriesKey); its current-state entry and its
 * removal entries are new. Renderers remember their output per entry object, so a kept entry is never
 * rendered twice.
 */

interface ArticleEntries {
  current?: FeedEntry;
  revisions: Map<PublishRevision, FeedEntry>;
}

export interface KeptEntries {
  site: PublishSite | null;
  byArticle: Map<PublishArticle, ArticleEntries>;
}

export function keptEntries(): KeptEntries {
  return { site: null, byArticle: new Map() };
}

export interface EntryCache extends EntrySource {
  /** Keep exactly these entries for the next render (those created or kept so far). */
  retain(current: PublishArticle[], revisions: SelectedRevision[]): void;
}

export function entryCache(site: PublishSite, kept: KeptEntries = keptEntries()): EntryCache {
  const previous = kept.site === site ? kept.byArticle : new Map<PublishArticle, ArticleEntries>();
  const now = new Map<PublishArticle, ArticleEntries>();
  let previousById: Map<number, PublishArticle> | null = null;
  /** Revision entries of the article's previous snapshot that show the same as this one's would. */
  const takenOver = (article: PublishArticle): [PublishRevision, FeedEntry][] => {
    previousById ??= new Map([...previous.keys()].map((a) => [a.id, a]));
    const old = previousById.get(article.id);
    const entries = old && previous.get(old)?.revisions;
    if (!old || !entries || entries.size === 0) return [];
    if (articleEntriesKey(site, old) !== articleEntriesKey(site, article)) return [];
    return [...entries].filter(([rev]) => rev.event !== "removed");
  };
  const slot = (article: PublishArticle): ArticleEntries => {
    let found = now.get(article);
    if (!found) {
      const old = previous.get(article);
      found = old
        ? { current: old.current, revisions: new Map(old.revisions) }
        : { revisions: new Map(takenOver(article)) };
      now.set(article, found);
    }
    return found;
  };
  return {
    current(article) {
      const s = slot(article);
      s.current ??= currentEntry(site, article);
      return s.current;
    },
    revision(article, rev) {
      const s = slot(article);
      let entry = s.revisions.get(rev);
      if (!entry) {
        entry = revisionEntry(site, article, rev);
        s.revisions.set(rev, entry);
      }
      return entry;
    },
    retain(current, revisions) {
      const next = new Map<PublishArticle, ArticleEntries>();
      const into = (article: PublishArticle): ArticleEntries => {
        let e = next.get(article);
        if (!e) {
          e = { revisions: new Map() };
          next.set(article, e);
        }
        return e;
      };
      const known = (article: PublishArticle) => now.get(article) ?? previous.get(article);
      for (const article of current) {
        const entry = known(article)?.current;
        if (entry) into(article).current = entry;
      }
      for (const { article, revision } of revisions) {
        const entry = known(article)?.revisions.get(revision);
        if (entry) into(article).revisions.set(revision, entry);
      }
      // Every format has rendered these entries by now and keeps their bytes: their contents can go.
      for (const e of next.values()) {
        if (e.current) releaseContent(e.current);
        for (const entry of e.revisions.values()) releaseContent(entry);
      }
      kept.site = site;
      kept.byArticle = next;
    },
  };
}
