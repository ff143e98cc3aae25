import { mallocInUse } from "../malloc.js";
import { WatchLoop } from "../schedule/watch-loop.js";
import { createWatcher } from "../wiring.js";
import { configFrom, type GlobalOptions, loggerFor } from "./common.js";
import type { CliIO } from "./io.js";

/** How long a running check may finish after SIGINT/SIGTERM before it is aborted (pm2 kill_timeout is longer). */
export const SHUTDOWN_GRACE_MS = 5_000;

/**
 * `revfeed watch`: runs a first cycle at once, then the cron ticks, until SIGINT/SIGTERM.
 * Shutdown: stop the ticks, let the current check finish (or abort it after the grace period), close the
 * database; every write is its own transaction, so nothing is left half-done.
 */
export async function watchCommand(io: CliIO, options: GlobalOptions): Promise<void> {
  const config = configFrom(io, options);
  const logger = loggerFor(config, io, false);
  const watcher = createWatcher(config, { clock: io.clock, logger });
  const loop = new WatchLoop(watcher.worker, logger);
  let stopping = false;
  const stopped = new Promise<void>((resolve) => {
    const remove = io.onShutdownSignal((signal) => {
      logger.info({ signal }, "shutting down");
      if (stopping) return;
      stopping = true;
      void loop
        .stop(SHUTDOWN_GRACE_MS)
        .then(() => watcher.close())
        .then(() => {
          logger.info("stopped cleanly");
          remove();
          resolve();
        });
    });
  });
  loop.start(config.schedule);
  logger.info(
    {
      sources: config.sources.map((s) => s.id),
      poll: config.schedule.poll,
      recheck: config.schedule.recheck,
      // Node/V8 flags in effect (the heap settings of ecosystem.config.cjs and `npm start`, or none).
      nodeFlags: process.execArgv,
      // jemalloc when ecosystem.config.cjs preloaded it, else the system's (glibc) malloc.
      malloc: mallocInUse(),
    },
    "worker started",
  );
  io.notifyReady();
  void loop.tick(true);
  await stopped;
}
