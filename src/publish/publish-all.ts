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
export function renderAll(input: PublishInput): OutputFile[] {
  const { site, feeds, articles } = input;
  const names = new Set<string>();
  const files: OutputFile[] = [];
  const shown = new Map<number, PublishArticle>();
  for (const config of feeds) {
    if (names.has(config.name)) throw new Error(`publish: two feeds are named "${config.name}"`);
    names.add(config.name);
    files.push(...allFormats(buildCurrentDocument(site, config, articles)));
    files.push(...allFormats(buildRevisionsDocument(site, config, articles)));
    for (const a of selectArticles(articles, config)) shown.set(a.id, a);
    for (const s of selectRevisions(articles, config)) shown.set(s.article.id, s.article);
  }
  for (const article of [...shown.values()].sort((a, b) => a.id - b.id)) {
    files.push({
      path: `articles/${article.id}.atom`,
      content: renderAtom(buildArticleDocument(site, article)),
    });
  }
  return files;
}

export async function publishAll(
  input: PublishInput,
  dir: string,
  deps: PublishDeps = {},
): Promise<PublishResult> {
  const changed = await writeFiles(dir, renderAll(input));
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
