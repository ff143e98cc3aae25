import type { PublishConfig } from "../config/schema.js";
import { renderAtom } from "./atom.js";
import { buildArticleDocument, buildCurrentDocument, buildRevisionsDocument } from "./build.js";
import type { FeedDocument } from "./document.js";
import type { PublishArticle, PublishSite } from "./input.js";
import { renderJson } from "./json.js";
import { feedFileUrl } from "./links.js";
import { renderRss } from "./rss.js";
import { selectArticles, selectRevisions } from "./select.js";
import { type FetchLike, type HubPingResult, pingHub } from "./websub.js";
import { type OutputFile, writeFiles } from "./write-files.js";

/** The whole publishing step: render every configured feed (pure), write what changed, ping the hub. */

export interface PublishInput {
  site: PublishSite;
  /** The `publish:` entries of the configuration. */
  feeds: PublishConfig[];
  /** Every article any feed may carry (recent ones at least `limit` deep), revisions newest first. */
  articles: PublishArticle[];
}

export interface PublishDeps {
  /** Used for WebSub pings when `site.hub` is set (pass `globalThis.fetch` in production). */
  fetch?: FetchLike;
  hubTimeoutMs?: number;
  /** Reuse renders across calls (see RenderCache); without it every call renders and compares everything. */
  cache?: RenderCache;
}

/**
 * What a long-running publisher keeps between calls, keyed by object identity: a document whose inputs are
 * the very same objects as last time (same site, same feed config, same article and revision snapshots, in
 * the same order) renders to the same bytes, so its files are reused, and files whose content is what this
 * cache last wrote or found on disk are not read back. The caller must treat snapshots as immutable and
 * build a new object for an article that changed. A new process starts cold and compares every file.
 */
export interface RenderCache {
  documents: Map<string, { key: unknown[]; files: OutputFile[] }>;
  articleFeeds: WeakMap<PublishArticle, { site: PublishSite; file: OutputFile }>;
  onDisk: Map<string, string>;
}

export function createRenderCache(): RenderCache {
  return { documents: new Map(), articleFeeds: new WeakMap(), onDisk: new Map() };
}

function sameKey(a: unknown[], b: unknown[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function cachedDocument(
  cache: RenderCache | undefined,
  name: string,
  key: unknown[],
  render: () => OutputFile[],
): OutputFile[] {
  if (!cache) return render();
  const hit = cache.documents.get(name);
  if (hit && sameKey(hit.key, key)) return hit.files;
  const files = render();
  cache.documents.set(name, { key, files });
  return files;
}

export interface PublishResult {
  /** Paths (relative to the feeds folder) whose bytes changed and were rewritten. */
  changed: string[];
  /** One result per ping; failures are reported here for the caller to log, never thrown. */
  hub: HubPingResult[];
}

function allFormats(doc: FeedDocument): OutputFile[] {
  return [
    { path: `${doc.stem}.atom`, content: renderAtom(doc) },
    { path: `${doc.stem}.rss`, content: renderRss(doc) },
    { path: `${doc.stem}.json`, content: renderJson(doc) },
  ];
}

/** Every file of every configured feed, plus `articles/<id>.atom` for each article any feed shows. */
export function renderAll(input: PublishInput, cache?: RenderCache): OutputFile[] {
  const { site, feeds, articles } = input;
  const names = new Set<string>();
  const files: OutputFile[] = [];
  const shown = new Map<number, PublishArticle>();
  for (const config of feeds) {
    if (names.has(config.name)) throw new Error(`publish: two feeds are named "${config.name}"`);
    names.add(config.name);
    const chosen = selectArticles(articles, config);
    const revisions = selectRevisions(articles, config);
    files.push(
      ...cachedDocument(cache, `${config.name}`, [site, config, ...chosen], () =>
        allFormats(buildCurrentDocument(site, config, articles)),
      ),
    );
    files.push(
      ...cachedDocument(
        cache,
        `${config.name}.revisions`,
        [site, config, ...revisions.flatMap((s) => [s.article, s.revision])],
        () => allFormats(buildRevisionsDocument(site, config, articles)),
      ),
    );
    for (const a of chosen) shown.set(a.id, a);
    for (const s of revisions) shown.set(s.article.id, s.article);
  }
  for (const article of [...shown.values()].sort((a, b) => a.id - b.id)) {
    const hit = cache?.articleFeeds.get(article);
    if (hit && hit.site === site) {
      files.push(hit.file);
      continue;
    }
    const file = {
      path: `articles/${article.id}.atom`,
      content: renderAtom(buildArticleDocument(site, article)),
    };
    cache?.articleFeeds.set(article, { site, file });
    files.push(file);
  }
  return files;
}

/** Writes only files whose content differs from what the cache knows is on disk; records what it wrote. */
async function writeThroughCache(dir: string, files: OutputFile[], cache: RenderCache): Promise<string[]> {
  const unknown = files.filter((f) => cache.onDisk.get(f.path) !== f.content);
  const changed = await writeFiles(dir, unknown);
  for (const f of unknown) cache.onDisk.set(f.path, f.content);
  // Files no feed carries any more stay on disk (as before); forget them so the cache does not grow.
  if (cache.onDisk.size > files.length * 2) {
    const current = new Set(files.map((f) => f.path));
    for (const path of cache.onDisk.keys()) if (!current.has(path)) cache.onDisk.delete(path);
  }
  return changed;
}

export async function publishAll(
  input: PublishInput,
  dir: string,
  deps: PublishDeps = {},
): Promise<PublishResult> {
  const files = renderAll(input, deps.cache);
  const changed = deps.cache ? await writeThroughCache(dir, files, deps.cache) : await writeFiles(dir, files);
  const hub = input.site.hub;
  const pings =
    hub && deps.fetch && changed.length > 0
      ? await pingHub(
          hub,
          changed.map((path) => feedFileUrl(input.site, path)),
          deps.fetch,
          deps.hubTimeoutMs,
        )
      : [];
  return { changed, hub: pings };
}
