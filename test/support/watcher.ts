import path from "node:path";
import { Writable } from "node:stream";
import { ManualClock } from "../../src/clock.js";
import { type LoadedConfig, parseConfig } from "../../src/config/load.js";
import { createLogger } from "../../src/log.js";
import { createWatcher, type Watcher } from "../../src/wiring.js";

export interface TestWatcher extends Watcher {
  config: LoadedConfig;
  clock: ManualClock;
  logs: Record<string, unknown>[];
  dir: string;
}

/** A watcher on its own temp folder and manual clock, configured by YAML like a user would. */
export function testWatcher(dir: string, yaml: string, start = "2025-10-24T10:40:00.000Z"): TestWatcher {
  const clock = new ManualClock(start);
  const config = parseConfig(
    `stateDir: state\nfeedsDir: feeds\nfetch:\n  allowPrivateNetworks: true\n  perHostDelayMs: 0\n${yaml}`,
    path.join(dir, "revfeed.config.yaml"),
    dir,
  );
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) logs.push(JSON.parse(line));
      done();
    },
  });
  const watcher = createWatcher(config, { clock, logger: createLogger("debug", sink), random: () => 0.5 });
  return { ...watcher, config, clock, logs, dir };
}
