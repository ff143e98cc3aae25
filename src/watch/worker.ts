import type { Logger } from "../log.js";
import { type CycleOptions, type CycleSummary, runCycle } from "./cycle.js";
import type { WatchContext } from "./deps.js";

/** Republishes feeds after a cycle; returns the files that changed. */
export interface Publisher {
  publish(changedArticleIds: number[]): Promise<string[]>;
}

export interface CycleReport extends CycleSummary {
  published: string[];
}

/**
 * The one code path of a cycle, shared by `revfeed once`, the cron ticks and the benchmarks:
 * run the cycle, publish what changed, then persist metrics and the health timestamp.
 */
export class Worker {
  readonly #ctx: WatchContext;
  readonly #publisher: Publisher | null;
  readonly #logger: Logger;
  /**
   * Feeds may lag the store: at start (a previous process may have been killed between committing a
   * revision and publishing it) and after a failed publish. Publish then even when nothing changed.
   */
  #feedsStale = true;

  constructor(ctx: WatchContext, publisher: Publisher | null) {
    this.#ctx = ctx;
    this.#publisher = publisher;
    this.#logger = ctx.logger;
  }

  async runOnce(options: CycleOptions): Promise<CycleReport> {
    const summary = await runCycle(this.#ctx, options);
    let published: string[] = [];
    if (this.#publisher && (summary.changedArticleIds.length > 0 || this.#feedsStale)) {
      try {
        published = await this.#publisher.publish(summary.changedArticleIds);
        this.#feedsStale = false;
      } catch (err) {
        this.#feedsStale = true;
        this.#logger.error({ err, kind: "publish" }, "publishing feeds failed; the next cycle retries");
        this.#ctx.metrics.failure("publish");
      }
    }
    this.#persist(summary);
    return { ...summary, published };
  }

  #persist(summary: CycleSummary): void {
    const { store, metrics, clock } = this.#ctx;
    const polled = summary.polls.some((p) => p.result === "ok" || p.result === "not_modified");
    const now = clock.now();
    metrics.cycle(summary.durationMs / 1000, polled ? now : null);
    try {
      if (polled) store.setMeta("last_success_at", now.toISOString());
      store.setMeta("worker_metrics", metrics.toJSON());
    } catch (err) {
      this.#logger.error({ err }, "could not save worker metrics");
    }
  }
}
