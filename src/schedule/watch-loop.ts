import cron, { type ScheduledTask } from "node-cron";
import type { Logger } from "../log.js";
import type { CycleReport, Worker } from "../watch/worker.js";

export interface LoopOptions {
  poll: string;
  recheck: string;
  timezone: string;
  /** How long shutdown lets the running check finish before aborting it. */
  graceMs?: number;
}

/**
 * `revfeed watch`: node-cron ticks drive the same Worker.runOnce that `revfeed once` calls.
 * Cycles never overlap: a tick that arrives while one runs is remembered and run right after (a poll
 * tick is never lost behind a long recheck); ticks themselves are plain methods so tests call them.
 */
export class WatchLoop {
  readonly #worker: Worker;
  readonly #logger: Logger;
  #tasks: ScheduledTask[] = [];
  #running: Promise<CycleReport | null> | null = null;
  #pending: { poll: boolean } | null = null;
  #abort = new AbortController();
  #stopped = false;

  constructor(worker: Worker, logger: Logger) {
    this.#worker = worker;
    this.#logger = logger;
  }

  start(options: LoopOptions): void {
    cron.setLogger({
      info: (m: string) => this.#logger.debug(m),
      warn: (m: string) => this.#logger.warn(m),
      error: (m: string | Error) => this.#logger.error(m instanceof Error ? { err: m } : {}, String(m)),
      debug: (m: string | Error) => this.#logger.trace(String(m)),
    });
    const opts = { timezone: options.timezone, noOverlap: true };
    this.#tasks = [
      cron.schedule(options.poll, () => void this.tick(true), { ...opts, name: "poll" }),
      cron.schedule(options.recheck, () => void this.tick(false), { ...opts, name: "recheck" }),
    ];
  }

  /** One scheduled tick: a full cycle with polling, or a recheck of due articles only. */
  tick(poll: boolean): Promise<CycleReport | null> {
    if (this.#stopped) return Promise.resolve(null);
    if (this.#running) {
      this.#pending = { poll: poll || (this.#pending?.poll ?? false) };
      return this.#running;
    }
    this.#running = this.#run(poll);
    return this.#running;
  }

  async #run(poll: boolean): Promise<CycleReport | null> {
    let report: CycleReport | null = null;
    try {
      report = await this.#worker.runOnce({ poll, signal: this.#abort.signal });
      this.#logger.info(
        {
          kind: "cycle",
          poll,
          duration_ms: report.durationMs,
          revisions: report.revisions,
          checks: report.checks,
          published: report.published.length,
        },
        "cycle done",
      );
    } catch (err) {
      this.#logger.error({ err, kind: "cycle" }, "cycle failed");
    } finally {
      this.#running = null;
    }
    const next = this.#pending;
    this.#pending = null;
    if (next && !this.#stopped) return this.tick(next.poll);
    return report;
  }

  /** Stops the ticks, lets the running cycle finish (aborting its fetches after graceMs), then resolves. */
  async stop(graceMs = 5_000): Promise<void> {
    this.#stopped = true;
    this.#pending = null;
    for (const task of this.#tasks) await task.stop();
    // Tasks keep their own timers; destroy them so the process can exit.
    for (const task of this.#tasks) await task.destroy();
    const running = this.#running;
    if (!running) return;
    const timer = setTimeout(() => this.#abort.abort(new Error("shutdown")), graceMs);
    try {
      await running;
    } finally {
      clearTimeout(timer);
    }
  }
}
