import type { Clock } from "./clock.js";
import type { LoadedConfig } from "./config/load.js";
import type { SourceConfig } from "./config/schema.js";
import { extractArticle } from "./extract/index.js";
import { backoffFromConfig } from "./fetch/backoff.js";
import { createFetcher } from "./fetch/index.js";
import { canonicalize } from "./sources/canonical-url.js";
import { parseFeed } from "./sources/parse-feed.js";
import { loadTagger } from "./tag-wiring.js";
import type { WatchStages } from "./watch/deps.js";
import { detectMarker } from "./watch/marker.js";
import { contentHash } from "./watch/normalize.js";
import { summarizeChange } from "./watch/summarize-change.js";

/** The real pipeline stages behind the watcher's seam (see watch/deps.ts). */
export function createStages(
  config: LoadedConfig,
  deps: { clock: Clock; isAllowedHost: (host: string) => boolean; random: () => number },
): WatchStages & { close(): Promise<void> } {
  const fetcher = createFetcher(config.fetch, { clock: deps.clock, isAllowedHost: deps.isAllowedHost });
  const tagger = loadTagger(config);
  const aliasGroups = (source: SourceConfig) => {
    const host = new URL(source.url).hostname;
    return source.aliases.length > 0 ? [[host, ...source.aliases]] : [];
  };
  return {
    fetch: (request) => fetcher.get(request),
    parseFeed: (xml, url) => parseFeed(xml, url),
    canonicalize: (url, source) =>
      canonicalize(url, { profile: source.profile, aliases: aliasGroups(source) }),
    extract: (html, url, source) => extractArticle(html, url, source.profile, { lang: source.lang }),
    detectMarker: (paragraphs) =>
      detectMarker(paragraphs, config.watch.markers, config.watch.markerLastBlocks).developing,
    hash: contentHash,
    summarizeChange,
    tag: (text, lang) => tagger.tag(text, lang),
    backoffMs: backoffFromConfig(config.fetch, deps.random),
    close: () => fetcher.close(),
  };
}
