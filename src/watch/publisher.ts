import type { Clock } from "../clock.js";
import type { LoadedConfig } from "../config/load.js";
import { diffRevisions } from "../diff/index.js";
import type { Logger } from "../log.js";
import type { Revision } from "../model.js";
import {
  createRenderCache,
  type PublishArticle,
  type PublishRevision,
  type PublishSite,
  publishAll,
} from "../publish/index.js";
import { articleVersions, articleWithHistory, feedArticleIds } from "../store/feed-queries.js";
import type { Store } from "../store/store.js";
import { FeedDiffs, feedDiffKey, renderFeedDiff } from "./feed-diffs.js";
import { processAlive, removeStaleTemps } from "./stale-temps.js";
import type { Publisher } from "./worker.js";

/** Revisions per article carried into feeds (the per-article feed shows this many). */
const REVISIONS_PER_ARTICLE = 50;

/**
 * Builds the publishing snapshot from the store and hands it to the pure publisher. Snapshots are kept,
 * with a fingerprint of what they were built from (articleVersions): an article rebuilds only when it
 * changed. The renderer reuses documents and entries whose snapshots are the same objects, and a publish
 * where no snapshot and no feed membership changed writes nothing and renders nothing. Once a publish has
 * rendered everything, the snapshots let go of their revisions' texts and diffs (storedRevision): between
 * publishes the worker holds the feeds' rendered entries, not every shown revision's text several times
 * over. Any commit by another connection (`revfeed retag`, a second worker) shows in SQLite's data_version
 * and drops it all.
 */
export function createPublisher(
  config: LoadedConfig,
  deps: { store: Store; clock: Clock; logger: Logger; fetch?: typeof fetch; feedDiffs?: FeedDiffs },
): Publisher | null {
  if (config.publish.length === 0) return null;
  const stale = removeStaleTemps(config.feedsDir, (pid) => pid === process.pid || processAlive(pid));
  if (stale.length > 0) {
    deps.logger.info({ files: stale.length }, "removed temp files left by an interrupted publish");
  }
  // The diffs the cycle's checks rendered for the revisions they added (the watcher passes one FeedDiffs
  // to both); each publish takes what it shows and drops the rest (see publish).
  const feedDiffs = deps.feedDiffs ?? new FeedDiffs();
  const site: PublishSite = {
    baseUrl: config.baseUrl,
    hub: config.websub.hub,
    generator: "revfeed 0.1.0",
    tagLabels: TAG_LABELS,
  };
  let renderCache = createRenderCache();
  const snapshots = new Map<number, { version: string } & Snapshot>();
  let dataVersion: unknown = null;
  /** The feed membership of the last successful publish; null until one succeeded. */
  let publishedIds: string | null = null;
  let lastIds: Set<number> | null = null;

  /** The diff feeds show for `sides[index]` (newest first): the check's, or rendered here. */
  function diffHtml(sides: DiffSide[], index: number): string {
    const current = sides[index];
    if (!current || current.seq <= 1) return "";
    const offered = feedDiffs.get(feedDiffKey(current.articleId, current.seq));
    if (offered !== undefined) return offered;
    let previous = sides[index + 1];
    if (!previous) {
      const stored = deps.store.getRevision(current.articleId, current.seq - 1);
      if (!stored) return "";
      previous = diffSide(stored);
    }
    return renderFeedDiff(diffRevisions(previous, current, { revertOf: current.revertOf }));
  }

  /** A stored revision, read again (see storedRevision). */
  function reread(articleId: number, seq: number): Revision {
    const r = deps.store.getRevision(articleId, seq);
    if (!r) throw new Error(`publish: revision ${seq} of article ${articleId} is no longer in the store`);
    return r;
  }

  /**
   * A revision as feeds show it. Its diff is rendered only when an entry shows it: an article that comes
   * into a feed brings up to 50 revisions, and most of their entries are taken as already written
   * (article-reuse.ts). Its text and diff, most of its size, can be let go once it is rendered: a later
   * publish that needs them again reads them again from the store (stored revisions never change). That
   * is rare: feeds keep rendered the entries they show, and a changed article gets a new snapshot.
   */
  function storedRevision(r: Revision, paragraphsHtml: string[], renderDiff: () => string): StoredRevision {
    const { articleId, seq } = r;
    let text: string[] | null = paragraphsHtml;
    let diff: string | null = null;
    let render: (() => string) | null = renderDiff;
    return {
      revision: {
        seq,
        observedAt: r.observedAt,
        title: r.title,
        get paragraphsHtml() {
          text ??= reread(articleId, seq).paragraphs.map((p) => p.html);
          return text;
        },
        labels: r.labels,
        minor: r.minor,
        wordsAdded: r.wordsAdded,
        wordsRemoved: r.wordsRemoved,
        developing: r.developing,
        event: r.event,
        revertOf: r.revertOf,
        get diffHtml() {
          diff ??= render ? render() : diffHtml([diffSide(reread(articleId, seq))], 0);
          render = null;
          return diff;
        },
      },
      release: () => {
        text = null;
        diff = null;
        render = null;
      },
    };
  }

  /**
   * The article as feeds show it, read from the store. It is built anew when the article changed, but
   * the revisions the previous snapshot held are taken over as they are, objects included (stored
   * revisions never change, and publish/entries.ts keeps their entries): only newer ones are read and
   * diffed, when shown. Sanitized paragraphs come from the sanitizer's memo. Paragraphs
   * equal across the revisions read together share one string.
   */
  function snapshot(id: number, previous?: Snapshot): Snapshot | null {
    const newestKept = previous?.built[0]?.revision.seq ?? 0;
    const found = articleWithHistory(deps.store.db, id, REVISIONS_PER_ARTICLE, newestKept);
    if (!found) return null;
    const { article, revisions: stored, events } = found;
    const paragraphs = new Map<string, string>();
    const shared = (text: string) => {
      const known = paragraphs.get(text);
      if (known !== undefined) return known;
      paragraphs.set(text, text);
      return text;
    };
    // What the diffs need, kept until they are rendered: the texts, without the stored rows around them.
    const sides = stored.map((r) => diffSide(r, shared));
    const built = [
      ...stored.map((r, i) =>
        storedRevision(
          r,
          r.paragraphs.map((p) => shared(p.html)),
          () => diffHtml(sides, i),
        ),
      ),
      ...(previous?.built ?? []),
    ].slice(0, REVISIONS_PER_ARTICLE);
    const revisions = built.map((b) => b.revision);
    const published = [...revisions];
    // Each removal is news of its own: a visible entry that shows the last known text.
    for (const e of events) {
      if (e.kind !== "removed") continue;
      const last = revisions.find((r) => r.observedAt <= e.at) ?? revisions[0];
      if (!last) continue;
      // Not a spread of `last`: that would copy its text into an object nothing lets go of.
      published.push({
        seq: last.seq,
        observedAt: e.at,
        title: last.title,
        get paragraphsHtml() {
          return last.paragraphsHtml;
        },
        labels: [],
        minor: false,
        wordsAdded: 0,
        wordsRemoved: 0,
        developing: last.developing,
        event: "removed",
        revertOf: null,
        eventId: e.id,
        diffHtml: "",
      });
    }
    published.sort((a, b) => b.observedAt.localeCompare(a.observedAt) || b.seq - a.seq);
    const removal = [...events].reverse().find((e) => e.kind === "removed" || e.kind === "restored");
    const removedAt = article.status === "removed" && removal?.kind === "removed" ? removal.at : null;
    const latest = revisions[0];
    const publishArticle: PublishArticle = {
      id: article.id,
      url: article.url,
      title: latest?.title ?? article.title,
      lang: article.lang,
      sourceId: article.sourceId,
      status: article.status,
      tags: article.tags,
      publishedAt: article.publishedAt,
      firstSeenAt: article.firstSeenAt,
      updatedAt:
        [latest?.observedAt, removedAt]
          .filter((t): t is string => Boolean(t))
          .sort()
          .at(-1) ?? article.firstSeenAt,
      removedAt,
      revisions: published,
    };
    return { article: publishArticle, built };
  }

  /** Snapshots for `ids`, rebuilt only where the article's fingerprint moved or the caller says it changed. */
  function articlesFor(
    ids: Set<number>,
    changed: Set<number>,
  ): { articles: PublishArticle[]; fresh: boolean } {
    const versions = articleVersions(deps.store.db, [...ids]);
    const articles: PublishArticle[] = [];
    let fresh = false;
    for (const id of ids) {
      const version = versions.get(id);
      if (version === undefined) continue;
      const hit = snapshots.get(id);
      if (hit && hit.version === version && !changed.has(id)) {
        articles.push(hit.article);
        continue;
      }
      const built = snapshot(id, hit);
      if (!built) continue;
      snapshots.set(id, { version, ...built });
      articles.push(built.article);
      fresh = true;
    }
    for (const id of snapshots.keys()) if (!ids.has(id)) snapshots.delete(id);
    return { articles, fresh };
  }

  async function publish(changedArticleIds: number[]): Promise<string[]> {
    const version = deps.store.db.pragma("data_version", { simple: true });
    if (version !== dataVersion) {
      snapshots.clear();
      renderCache = createRenderCache();
      publishedIds = null;
      dataVersion = version;
    }
    // Feed membership moves only with a new revision or removal, which the Worker reports as changed
    // (status changes without one are caught by the fingerprints below): nothing reported, no query.
    let ids = publishedIds !== null && changedArticleIds.length === 0 ? lastIds : null;
    if (ids === null) {
      ids = new Set<number>();
      for (const feed of config.publish) {
        for (const id of feedArticleIds(deps.store.db, feed, feed.limit, feed.includeMinor)) ids.add(id);
      }
    }
    const { articles, fresh } = articlesFor(ids, new Set(changedArticleIds));
    const membership = [...ids].join(",");
    lastIds = ids;
    if (!fresh && membership === publishedIds) return [];
    publishedIds = null;
    const result = await publishAll({ site, feeds: config.publish, articles }, config.feedsDir, {
      fetch: deps.fetch ?? globalThis.fetch,
      cache: renderCache,
    });
    publishedIds = membership;
    // Every entry is rendered now, and the feeds keep rendered the ones they show: the snapshots' texts
    // and diffs are let go (they grew with every revision a shown article gained during a long run).
    for (const kept of snapshots.values()) for (const b of kept.built) b.release();
    for (const ping of result.hub) {
      if (!ping.ok)
        deps.logger.warn({ kind: "websub", hub: config.websub.hub, feed: ping }, "WebSub hub ping failed");
    }
    return result.changed;
  }

  return {
    async publish(changedArticleIds: number[] = []) {
      try {
        return await publish(changedArticleIds);
      } finally {
        // The diffs this publish did not take are of articles no feed shows: should one come into a
        // feed later, its entries render theirs then (storedRevision).
        feedDiffs.clear();
      }
    },
  };
}

interface StoredRevision {
  revision: PublishRevision;
  /** Lets go of the text and diff; they are read again from the store if needed. */
  release(): void;
}

/** An article as the feeds show it, and its revisions (newest first) for the next snapshot to take over. */
interface Snapshot {
  article: PublishArticle;
  built: StoredRevision[];
}

/** What diffing a revision against another needs of it. */
interface DiffSide {
  articleId: number;
  seq: number;
  revertOf: number | null;
  title: string;
  paragraphs: string[];
  developing: boolean;
}

/** `share` gives one string for equal paragraphs: consecutive revisions share most of theirs. */
function diffSide(r: Revision, share: (text: string) => string = (text) => text): DiffSide {
  const { articleId, seq, revertOf, title, developing } = r;
  return { articleId, seq, revertOf, title, paragraphs: r.paragraphs.map((p) => share(p.text)), developing };
}

/** Human labels for the shipped tags, shown as feed categories. */
const TAG_LABELS: Record<string, string> = {
  ots: "Organization of Turkic States",
  "ots-former": "Turkic Council (former name)",
  "ots-summit": "OTS summit",
  turkpa: "TURKPA",
  turksoy: "TURKSOY",
};
