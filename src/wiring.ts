import type { Clock } from "./clock.js";
import type { LoadedConfig } from "./config/load.js";
import type { SourceConfig } from "./config/schema.js";
import type { Logger } from "./log.js";
import { createStages } from "./stages.js";
import { Store } from "./store/store.js";
import type { WatchContext } from "./watch/deps.js";
import { FeedDiffs } from "./watch/feed-diffs.js";
import { WorkerMetrics } from "./watch/metrics.js";
import { createPublisher } from "./watch/publisher.js";
import { type Publisher, Worker } from "./watch/worker.js";

export interface Watcher {
  store: Store;
  worker: Worker;
  context: WatchContext;
  /** The worker's publisher (null when nothing is published), exposed so benchmarks can time it. */
  publisher: Publisher | null;
  close(): Promise<void>;
}

/** Hosts the watcher may fetch: every configured source's host and its aliases. */
export function allowedHosts(sources: SourceConfig[]): Set<string> {
  const hosts = new Set<string>();
  for (const s of sources) {
    hosts.add(new URL(s.url).hostname.toLowerCase());
    for (const alias of s.aliases) hosts.add(alias.toLowerCase());
  }
  return hosts;
}

/** Builds the worker from a configuration: store, stages, metrics, publisher. */
export function createWatcher(
  config: LoadedConfig,
  deps: {
    clock: Clock;
    logger: Logger;
    random?: () => number;
    /** Page-analysis worker threads (default: stages.ts defaultAnalysisWorkers; 0 = none). */
    analysisWorkers?: number;
  },
): Watcher {
  const store = Store.open(config.stateDir);
  const hosts = allowedHosts(config.sources);
  const isAllowedHost = (host: string) => hosts.has(host.toLowerCase());
  const stages = createStages(config, {
    clock: deps.clock,
    isAllowedHost,
    random: deps.random ?? Math.random,
    analysisWorkers: deps.analysisWorkers,
  });
  const metrics = WorkerMetrics.parse(store.getMeta("worker_metrics"));
  // Shared by the checks, which render each new revision's feed diff, and the publisher; none without feeds.
  const feedDiffs = config.publish.length > 0 ? new FeedDiffs() : undefined;
  const context: WatchContext = {
    store,
    clock: deps.clock,
    logger: deps.logger,
    config: { sources: config.sources, watch: config.watch },
    stages,
    metrics,
    isAllowedHost,
    feedDiffs,
  };
  const publisher = createPublisher(config, { store, clock: deps.clock, logger: deps.logger, feedDiffs });
  const worker = new Worker(context, publisher);
  return {
    store,
    worker,
    context,
    publisher,
    async close() {
      await stages.close();
      store.close();
    },
  };
}
