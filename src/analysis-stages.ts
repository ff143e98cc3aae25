import type { LoadedConfig } from "./config/load.js";
import { extractArticle } from "./extract/index.js";
import { loadTagger } from "./tag-wiring.js";
import type { AnalysisStages } from "./watch/analyse-page.js";
import { detectMarker } from "./watch/marker.js";
import { contentHash } from "./watch/normalize.js";
import { summarizeChange } from "./watch/summarize-change.js";

/**
 * The pure page stages: built for the main thread and again inside each analysis worker. A module of its
 * own so that a worker loads only what analysing a page needs, not the fetcher or the feed parser.
 */
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
