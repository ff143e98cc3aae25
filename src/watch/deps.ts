import type { Clock } from "../clock.js";
import type { SourceConfig, WatchConfig } from "../config/schema.js";
import type { Change } from "../diff/types.js";
import type { Logger } from "../log.js";
import type { ChangeLabel, ExtractedArticle, FeedItem, TagResult } from "../model.js";
import type { RevisionHead } from "../store/check-queries.js";
import type { Store } from "../store/store.js";
import type { PageAnalysis, PageInput } from "./analyse-page.js";
import type { CheckBatch } from "./check-batch.js";
import type { FeedDiffs } from "./feed-diffs.js";
import type { WorkerMetrics } from "./metrics.js";

/**
 * What the watcher needs from the stages around it. main.ts wires the real ones (fetch/, sources/,
 * extract/, diff/, tag/); keeping them behind this seam lets each stage be swapped or measured alone.
 */

/** The fetch layer's request and result types are the watcher's too. */
export type { FetchRequest as PageRequest, FetchResult as PageResult } from "../fetch/fetcher.js";

import type { FetchFailure } from "../fetch/failure.js";
import type { FetchRequest, FetchResult } from "../fetch/fetcher.js";

/** A failure as the watcher records it: a fetch failure, or one of its own (extraction, bad feed). */
export type FailureInfo =
  | Pick<FetchFailure, "kind" | "message" | "transient" | "status" | "retryAfterMs">
  | {
      kind: string;
      transient: boolean;
      message: string;
      status?: number;
      retryAfterMs?: number;
    };

export type ExtractOutcome =
  | { ok: true; article: ExtractedArticle }
  | { ok: false; reason: string; message: string };

export interface ChangeSummary {
  labels: ChangeLabel[];
  minor: boolean;
  wordsAdded: number;
  wordsRemoved: number;
}

export interface RevisionText {
  title: string;
  paragraphs: string[];
  developing: boolean;
}

export interface Canonical {
  url: string;
  key: string;
  siteId: string | null;
}

export interface WatchStages {
  fetch(request: FetchRequest): Promise<FetchResult>;
  parseFeed(xml: string, feedUrl: string): Promise<FeedItem[]>;
  canonicalize(url: string, source: SourceConfig): Canonical;
  extract(html: string, url: string, source: SourceConfig): ExtractOutcome;
  detectMarker(paragraphs: string[]): boolean;
  hash(title: string, paragraphs: string[]): string;
  summarizeChange(
    before: RevisionText | null,
    after: RevisionText,
    revertOf: number | null,
  ): ChangeSummary & { diff: Change | null };
  tag(text: string, lang: string | null): TagResult[];
  backoffMs(consecutiveFailures: number, retryAfterMs: number | undefined): number;
  /**
   * All of extract → summarize → tag for one page off the calling thread (page-pool.ts). Optional: without
   * it a check runs analysePage with the stages above, in the same thread, with the same result.
   */
  analyse?(input: PageInput): Promise<PageAnalysis>;
}

export interface WatchContext {
  store: Store;
  clock: Clock;
  logger: Logger;
  config: { sources: SourceConfig[]; watch: WatchConfig };
  stages: WatchStages;
  metrics: WorkerMetrics;
  isAllowedHost(host: string): boolean;
  /** Set by runCycle: bookkeeping-only check records share commits (check-batch.ts). */
  batch?: CheckBatch;
  /** Set by runCycle: the latest revision's head for each due article, read in one query. */
  latestHeads?: ReadonlyMap<number, RevisionHead>;
  /** Where checks leave the feed diffs their analysis rendered, for the publisher (feed-diffs.ts). */
  feedDiffs?: FeedDiffs;
}
