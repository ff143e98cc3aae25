import { createHash } from "node:crypto";
import type { PublishConfig } from "../config/schema.js";
import { noteArticleFeed, reusableEntries, type WrittenArticleFeed } from "./article-reuse.js";
import { layOutAtom, renderAtom } from "./atom.js";
import {
  buildArticleDocument,
  buildCurrentDocument,
  buildRevisionsDocument,
  type EntrySource,
} from "./build.js";
import { forgetCleaned } from "./content.js";
import { forgetSharedParts } from "./content-runs.js";
import type { FeedDocument, FeedEntry } from "./document.js";
import { entryCache, type KeptEntries, keptEntries } from "./entries.js";
import type { KnownEntries } from "./entry-render.js";
import type { PublishArticle, PublishSite } from "./input.js";
import { renderJson } from "./json.js";
import { feedFileUrl } from "./links.js";
import { renderRss } from "./rss.js";
import { type SelectedRevision, selectArticles, selectRevisions } from "./select.js";
import type { ByteRange } from "./splice.js";
import { type FetchLike, type HubPingResult, pingHub } from "./websub.js";
import { fileWriter, type OutputBytes, type OutputFile, writeFiles } from "./write-files.js";

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
 * the very same objects as at its last successful write (same site, same feed config, same article and
 * revision snapshots, in the same order) has the same bytes, so it is neither rendered nor written; entries
 * the shared feeds show are kept rendered (entries.ts); and per file a digest of the bytes last written or
 * found on disk, so a re-rendered file with unchanged bytes is not even read back. Digests, not contents:
 * the cache holds no document. The caller must treat snapshots as immutable and build a new object for an
 * article that changed. A new process starts cold and compares every file with the disk.
 */
export interface RenderCache {
  entries: KeptEntries;
  /** Per document name: the inputs of its last successful write. */
  documents: Map<string, unknown[]>;
  /** Per file path: sha1 of its bytes as last written or found on disk. */
  onDisk: Map<string, string>;
  /** Per article feed path: where its revision entries sit in that file (see article-reuse.ts). */
  articleFeeds: Map<string, WrittenArticleFeed>;
}

export function createRenderCache(): RenderCache {
  return { entries: keptEntries(), documents: new Map(), onDisk: new Map(), articleFeeds: new Map() };
}

export interface PublishResult {
  /** Paths (relative to the feeds folder) whose bytes changed and were rewritten. */
  changed: string[];
  /** One result per ping; failures are reported here for the caller to log, never thrown. */
  hub: HubPingResult[];
}

/** A rendered file; an article feed's also says which entries it holds and where, in order. */
interface RenderedFile extends OutputBytes {
  laidOut?: { entries: readonly FeedEntry[]; ranges: readonly ByteRange[] };
}

/** One document to publish: its name, the objects its bytes depend on, and how to render its files. */
interface DocumentJob {
  name: string;
  paths: string[];
  key: unknown[];
  render: (known?: KnownEntries) => RenderedFile[];
  /** The article whose last document this is: what was sanitized for it can go once it is rendered. */
  last?: PublishArticle;
}

const formats = (stem: string) => [`${stem}.atom`, `${stem}.rss`, `${stem}.json`];

function allFormats(doc: FeedDocument): OutputBytes[] {
  return [
    { path: `${doc.stem}.atom`, bytes: renderAtom(doc) },
    { path: `${doc.stem}.rss`, bytes: renderRss(doc) },
    { path: `${doc.stem}.json`, bytes: renderJson(doc) },
  ];
}

/** Every document: each configured feed (current state and revisions), then each shown article's feed. */
function plan(input: PublishInput, source: EntrySource) {
  const { site, feeds, articles } = input;
  const names = new Set<string>();
  const jobs: DocumentJob[] = [];
  const shown = new Map<number, PublishArticle>();
  const current: PublishArticle[] = [];
  const revisions: SelectedRevision[] = [];
  for (const config of feeds) {
    if (names.has(config.name)) throw new Error(`publish: two feeds are named "${config.name}"`);
    names.add(config.name);
    const chosen = selectArticles(articles, config);
    const selected = selectRevisions(articles, config);
    jobs.push({
      name: config.name,
      paths: formats(config.name),
      key: [site, config, ...chosen],
      render: () => allFormats(buildCurrentDocument(site, config, chosen, source)),
    });
    jobs.push({
      name: `${config.name}.revisions`,
      paths: formats(`${config.name}.revisions`),
      key: [site, config, ...selected.flatMap((s) => [s.article, s.revision])],
      render: () => allFormats(buildRevisionsDocument(site, config, selected, source)),
    });
    for (const a of chosen) shown.set(a.id, a);
    for (const s of selected) shown.set(s.article.id, s.article);
    current.push(...chosen);
    revisions.push(...selected);
  }
  for (const article of [...shown.values()].sort((a, b) => a.id - b.id)) {
    const path = `articles/${article.id}.atom`;
    jobs.push({
      name: `articles/${article.id}`,
      paths: [path],
      key: [site, article],
      render: (known) => {
        const doc = buildArticleDocument(site, article, source);
        const { bytes, entryRanges } = layOutAtom(doc, known);
        return [{ path, bytes, laidOut: { entries: doc.entries, ranges: entryRanges } }];
      },
      last: article,
    });
  }
  return { jobs, current, revisions };
}

/** Every file of every configured feed, plus `articles/<id>.atom` for each article any feed shows. */
export function renderAll(input: PublishInput): OutputFile[] {
  return renderBytes(input).map((f) => ({ path: f.path, content: Buffer.concat(f.bytes).toString("utf8") }));
}

function renderBytes(input: PublishInput): OutputBytes[] {
  return plan(input, entryCache(input.site)).jobs.flatMap((job) => job.render());
}

function sameKey(a: unknown[] | undefined, b: unknown[]): boolean {
  return a !== undefined && a.length === b.length && a.every((v, i) => v === b[i]);
}

/**
 * Renders only documents whose inputs changed, writes only files whose digest differs from what the cache
 * knows is on disk, and records both once the writes succeeded.
 */
async function publishThroughCache(input: PublishInput, dir: string, cache: RenderCache): Promise<string[]> {
  const source = entryCache(input.site, cache.entries);
  const { jobs, current, revisions } = plan(input, source);
  const documents = new Map<string, unknown[]>();
  const digests = new Map<string, string>();
  const noted = new Map<string, WrittenArticleFeed>();
  // Files are written while the next ones render: the event loop gets a turn after each document, and
  // rendering waits while the writer is behind, so the writer holds only a few documents' bytes at a time.
  const writer = fileWriter(dir);
  for (const job of jobs) {
    documents.set(job.name, job.key);
    if (sameKey(cache.documents.get(job.name), job.key)) continue;
    if (writer.failed) break;
    const article = job.last;
    const path = job.paths[0];
    const reusable =
      article && path !== undefined
        ? reusableEntries(
            dir,
            path,
            cache.articleFeeds.get(path),
            cache.onDisk.get(path),
            input.site,
            article,
          )
        : null;
    for (const file of job.render(reusable ? (entry) => reusable.get(entry.id) : undefined)) {
      const hash = createHash("sha1");
      for (const part of file.bytes) hash.update(part);
      const digest = hash.digest("base64");
      if (article && file.laidOut) {
        const { entries, ranges } = file.laidOut;
        noted.set(file.path, noteArticleFeed(input.site, article, entries, ranges));
      }
      const known = cache.onDisk.get(file.path);
      if (known === digest) continue;
      writer.add({ path: file.path, bytes: file.bytes, differs: known !== undefined });
      digests.set(file.path, digest);
    }
    // Each revision's sanitized text would otherwise stay until the end: with 2,000 changed articles of
    // seven revisions each (bench:rounds), that was about a quarter of the heap a publish grew.
    if (job.last) forgetCleaned([job.last]);
    await new Promise(setImmediate);
    await writer.room();
  }
  source.retain(current, revisions);
  forgetCleaned(input.articles);
  const changed = await writer.finish();
  for (const [path, digest] of digests) cache.onDisk.set(path, digest);
  for (const [path, written] of noted) cache.articleFeeds.set(path, written);
  // Documents no feed carries any more are forgotten (their files stay on disk, as before), and so are
  // their digests once they outnumber the current ones.
  cache.documents = documents;
  if (cache.onDisk.size > jobs.length * 2 * 3) {
    const current = new Set(jobs.flatMap((j) => j.paths));
    for (const path of cache.onDisk.keys()) if (!current.has(path)) cache.onDisk.delete(path);
    for (const path of cache.articleFeeds.keys()) if (!current.has(path)) cache.articleFeeds.delete(path);
  }
  return changed;
}

export async function publishAll(
  input: PublishInput,
  dir: string,
  deps: PublishDeps = {},
): Promise<PublishResult> {
  let changed: string[];
  try {
    changed = deps.cache
      ? await publishThroughCache(input, dir, deps.cache)
      : await writeFiles(dir, renderBytes(input));
  } finally {
    forgetSharedParts();
  }
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
