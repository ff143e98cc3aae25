import os from "node:os";
import { createAnalysisStages } from "./analysis-stages.js";
import type { Clock } from "./clock.js";
import type { LoadedConfig } from "./config/load.js";
import type { SourceConfig } from "./config/schema.js";
import { backoffFromConfig } from "./fetch/backoff.js";
import { createFetcher } from "./fetch/index.js";
import { canonicalize } from "./sources/canonical-url.js";
import { parseFeed } from "./sources/parse-feed.js";
import type { WatchStages } from "./watch/deps.js";
import { createPagePool } from "./watch/page-pool.js";

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
