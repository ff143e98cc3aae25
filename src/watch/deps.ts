import type { Clock } from "../clock.js";
import type { SourceConfig, WatchConfig } from "../config/schema.js";
import type { Logger } from "../log.js";
import type { ChangeLabel, ExtractedArticle, FeedItem, TagResult } from "../model.js";
import type { Store } from "../store/store.js";
import type { WorkerMetrics } from "./metrics.js";

/**
 * What the watcher needs from the stages around it. main.ts wires the real ones (fetch/, sources/,
 * extract/, diff/, tag/); keeping them behind this seam lets each stage be swapped or measured alone.
 */

export interface PageRequest {
  url: string;
  etag?: string | null;
  lastModified?: string | null;
  accept?: string;
  signal?: AbortSignal;
}

export interface FailureInfo {
  kind: string;
  transient: boolean;
  message: string;
  status?: number;
  retryAfterMs?: number;
}

export type PageResult =
  | {
      kind: "ok";
      url: string;
      status: number;
      text: string;
      bytes: number;
      etag: string | null;
      lastModified: string | null;
    }
  | { kind: "not-modified"; url: string; etag: string | null; lastModified: string | null }
  | { kind: "failed"; failure: FailureInfo };

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
  fetch(request: PageRequest): Promise<PageResult>;
  parseFeed(xml: string, feedUrl: string): Promise<FeedItem[]>;
  canonicalize(url: string, source: SourceConfig): Canonical;
  extract(html: string, url: string, source: SourceConfig): ExtractOutcome;
  detectMarker(paragraphs: string[]): boolean;
  hash(title: string, paragraphs: string[]): string;
  summarizeChange(before: RevisionText | null, after: RevisionText, revertOf: number | null): ChangeSummary;
  tag(text: string, lang: string | null): TagResult[];
  backoffMs(consecutiveFailures: number, retryAfterMs: number | undefined): number;
}

export interface WatchContext {
  store: Store;
  clock: Clock;
  logger: Logger;
  config: { sources: SourceConfig[]; watch: WatchConfig };
  stages: WatchStages;
  metrics: WorkerMetrics;
  isAllowedHost(host: string): boolean;
}
