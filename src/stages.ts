import os from "node:os";
import type { Clock } from "./clock.js";
import type { LoadedConfig } from "./config/load.js";
import type { SourceConfig } from "./config/schema.js";
import { extractArticle } from "./extract/index.js";
import { backoffFromConfig } from "./fetch/backoff.js";
import { createFetcher } from "./fetch/index.js";
import { canonicalize } from "./sources/canonical-url.js";
import { parseFeed } from "./sources/parse-feed.js";
import { loadTagger } from "./tag-wiring.js";
import type { AnalysisStages } from "./watch/analyse-page.js";
import type { WatchStages } from "./watch/deps.js";
import { detectMarker } from "./watch/marker.js";
import { contentHash } from "./watch/normalize.js";
import { createPagePool } from "./watch/page-pool.js";
import { summarizeChange } from "./watch/summarize-change.js";

/** The pure page stages: built here for the main thread and again inside each analysis worker. */
export function createAnalysisStages(config: LoadedConfig): AnalysisStages {
  const tagger = loadTagger(config);
  return {
    extract: (html, url, source) => extractArticle(html, url, source.profile, { lang: source.lang }),
    detectMarker: (paragraphs) =>
      detectMarker(paragraphs, config.watch.markers, config.watch.markerLastBlocks).developing,
    hash: contentHash,
    summarizeChange,
    tag: (text, lang) => tagger.tag(text, lang),
  };
}

/**
 * Page-analysis threads by default: one core is left to the fetch loop, the store and the event loop, up to
 * two workers do the parsing (more only add contention on the small machines revfeed runs on).
 */
export function defaultAnalysisWorkers(): number {
  return Math.max(1, Math.min(2, os.availableParallelism() - 1));
}

/** The real pipeline stages behind the watcher's seam (see watch/deps.ts). */
export function createStages(
  config: LoadedConfig,
  deps: {
    clock: Clock;
    isAllowedHost: (host: string) => boolean;
    random: () => number;
    /** Worker threads for page analysis; 0 analyses in the calling thread. */
    analysisWorkers?: number;
  },
): WatchStages & { close(): Promise<void> } {
  const fetcher = createFetcher(config.fetch, { clock: deps.clock, isAllowedHost: deps.isAllowedHost });
  const pure = createAnalysisStages(config);
  const workers = deps.analysisWorkers ?? defaultAnalysisWorkers();
  const pool = workers > 0 ? createPagePool(config, workers, pure) : null;
  const aliasGroups = (source: SourceConfig) => {
    const host = new URL(source.url).hostname;
    return source.aliases.length > 0 ? [[host, ...source.aliases]] : [];
  };
  return {
    fetch: (request) => fetcher.get(request),
    parseFeed: (xml, url) => parseFeed(xml, url),
    canonicalize: (url, source) =>
      canonicalize(url, { profile: source.profile, aliases: aliasGroups(source) }),
    ...pure,
    ...(pool ? { analyse: (input) => pool.analyse(input) } : {}),
    backoffMs: backoffFromConfig(config.fetch, deps.random),
    close: async () => {
      await pool?.close();
      await fetcher.close();
    },
  };
}
