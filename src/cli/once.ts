import { describeCycle } from "../watch/cycle.js";
import { createWatcher } from "../wiring.js";
import { configFrom, type GlobalOptions, loggerFor } from "./common.js";
import { type CliIO, print } from "./io.js";

export interface OnceOptions extends GlobalOptions {
  recheck?: boolean;
}

/** One cycle through the same code path as `watch`; exits 0 even when a source failed. */
export async function onceCommand(io: CliIO, options: OnceOptions): Promise<void> {
  const config = configFrom(io, options);
  const logger = loggerFor(config, io, true);
  const watcher = createWatcher(config, { clock: io.clock, logger });
  try {
    const report = await watcher.worker.runOnce({ poll: true, recheckAll: options.recheck ?? false });
    const published = report.published.length > 0 ? ` Updated ${report.published.length} feed files.` : "";
    print(io.stdout, describeCycle(report) + published);
  } finally {
    await watcher.close();
  }
}
