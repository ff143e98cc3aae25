import type { Clock } from "../clock.js";
import type { LoadedConfig } from "../config/load.js";
import { diffRevisions, renderDiff } from "../diff/index.js";
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
import { processAlive, removeStaleTemps } from "./stale-temps.js";
import type { Publisher } from "./worker.js";

/** Revisions per article carried into feeds (the per-article feed shows this many). */
const REVISIONS_PER_ARTICLE = 50;

/**
 * Builds the publishing snapshot from the store and hands it to the pure publisher. Snapshots are kept,
 * with a fingerprint of what they were built from (articleVersions): an article rebuilds only when it
 * changed, and then only from its newer revisions (stored revisions never change, so the older revision
 * objects, with their diffs and everything rendered from them, are reused). The renderer reuses documents
 * and entries whose snapshots are the same objects, and a publish where no snapshot and no feed membership
 * changed writes nothing and renders nothing. Any commit by another connection (`revfeed retag`, a second
 * worker) shows in SQLite's data_version and drops it all.
 */
export function createPublisher(
  config: LoadedConfig,
  deps: { store: Store; clock: Clock; logger: Logger; fetch?: typeof fetch },
): Publisher | null {
  if (config.publish.length === 0) return null;
  const stale = removeStaleTemps(config.feedsDir, (pid) => pid === process.pid || processAlive(pid));
  if (stale.length > 0) {
    deps.logger.info({ files: stale.length }, "removed temp files left by an interrupted publish");
  }
  // Diffs of stored revisions never change, so they are kept. Snapshots keep their revisions' diffs anyway
  // (snapshot below), so this only serves rebuilds (another process committed, an article comes back into
  // the feeds): bounded small, so months of revisions cannot grow the worker (a diff costs about 1 ms).
  const diffCache = new Map<string, string>();
  let diffCacheChars = 0;
  const site: PublishSite = {
    baseUrl: config.baseUrl,
    hub: config.websub.hub,
    generator: "revfeed 0.1.0",
    tagLabels: TAG_LABELS,
  };
  let renderCache = createRenderCache();
  const snapshots = new Map<number, { version: string; article: PublishArticle }>();
  let dataVersion: unknown = null;
  /** The feed membership of the last successful publish; null until one succeeded. */
  let publishedIds: string | null = null;
  let lastIds: Set<number> | null = null;

  function diffHtml(revisions: Revision[], index: number): string {
    const current = revisions[index];
    const previous =
      revisions[index + 1] ??
      (current && current.seq > 1 ? deps.store.getRevision(current.articleId, current.seq - 1) : null);
    if (!current || !previous) return "";
    const key = `${current.articleId}/${current.seq}`;
    let html = diffCache.get(key);
    if (html === undefined) {
      const text = (r: Revision) => ({
        title: r.title,
        paragraphs: r.paragraphs.map((p) => p.text),
        developing: r.developing,
      });
      html = renderDiff(
        diffRevisions(text(previous), text(current), { revertOf: current.revertOf }),
        "html",
        { context: 2 },
      );
      if (diffCache.size >= 5_000 || diffCacheChars > DIFF_CACHE_MAX_CHARS) {
        diffCache.clear();
        diffCacheChars = 0;
      }
      diffCache.set(key, html);
      diffCacheChars += html.length;
    }
    return html;
  }

  /**
   * The article as feeds show it. Stored revisions never change, so those `previous` (the article's last
   * snapshot) holds are reused as they are, objects included: only newer revisions are read and diffed, and
   * everything rendered from a reused revision (its sanitized text and diff) is reused with it. Paragraphs
   * equal across revisions share one string.
   */
  function snapshot(id: number, previous: PublishArticle | undefined): PublishArticle | null {
    const kept = (previous?.revisions ?? [])
      .filter((r) => r.event !== "removed")
      .sort((a, b) => b.seq - a.seq);
    const found = articleWithHistory(deps.store.db, id, REVISIONS_PER_ARTICLE, kept[0]?.seq ?? 0);
    if (!found) return null;
    const { article, revisions: newer, events } = found;
    const paragraphs = new Map<string, string>();
    for (const r of kept) for (const p of r.paragraphsHtml) paragraphs.set(p, p);
    const shared = (html: string) => {
      const known = paragraphs.get(html);
      if (known !== undefined) return known;
      paragraphs.set(html, html);
      return html;
    };
    const fresh: PublishRevision[] = newer.map((r, i) => ({
      seq: r.seq,
      observedAt: r.observedAt,
      title: r.title,
      paragraphsHtml: r.paragraphs.map((p) => shared(p.html)),
      labels: r.labels,
      minor: r.minor,
      wordsAdded: r.wordsAdded,
      wordsRemoved: r.wordsRemoved,
      developing: r.developing,
      event: r.event,
      revertOf: r.revertOf,
      diffHtml: diffHtml(newer, i),
    }));
    const revisions = [...fresh, ...kept].slice(0, REVISIONS_PER_ARTICLE);
    const published = [...revisions];
    // Each removal is news of its own: a visible entry that shows the last known text.
    for (const e of events) {
      if (e.kind !== "removed") continue;
      const last = revisions.find((r) => r.observedAt <= e.at) ?? revisions[0];
      if (!last) continue;
      published.push({
        ...last,
        observedAt: e.at,
        labels: [],
        minor: false,
        wordsAdded: 0,
        wordsRemoved: 0,
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
    return {
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
      const article = snapshot(id, hit?.article);
      if (!article) continue;
      snapshots.set(id, { version, article });
      articles.push(article);
      fresh = true;
    }
    for (const id of snapshots.keys()) if (!ids.has(id)) snapshots.delete(id);
    return { articles, fresh };
  }

  return {
    async publish(changedArticleIds: number[] = []) {
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
      for (const ping of result.hub) {
        if (!ping.ok)
          deps.logger.warn({ kind: "websub", hub: config.websub.hub, feed: ping }, "WebSub hub ping failed");
      }
      return result.changed;
    },
  };
}

/** About 4 MB of UTF-16 diff HTML. */
const DIFF_CACHE_MAX_CHARS = 2_000_000;

/** Human labels for the shipped tags, shown as feed categories. */
const TAG_LABELS: Record<string, string> = {
  ots: "Organization of Turkic States",
  "ots-former": "Turkic Council (former name)",
  "ots-summit": "OTS summit",
  turkpa: "TURKPA",
  turksoy: "TURKSOY",
};
