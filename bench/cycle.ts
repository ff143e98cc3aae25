/**
 * Cycle benchmark (`npm run bench`; issue 8): a local nginx site of generated Trend-like pages, the bare
 * fetch loop as the baseline, and the real watcher's first / unchanged / 10 %-changed cycles, at N = 200,
 * 2,000 and 10,000; publishing over a 10,000-article store; a long run; urlwatch when installed.
 * Prints a table with ratios and writes bench/results.json. Asserts nothing: figures, not tests.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type CycleRun, runCycles } from "./lib/cycle-scenario.js";
import { describeMachine } from "./lib/machine.js";
import { startNginx, writeNamespace } from "./lib/site.js";

const CONCURRENCY = 16;
const SIZES = (process.env.BENCH_SIZES ?? "200,2000,10000").split(",").map(Number);

const started = performance.now();
const say = (line: string) => console.log(line);
const machine = describeMachine();
say(
  `revfeed cycle benchmark on ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}`,
);

const root = mkdtempSync(path.join(os.tmpdir(), "revfeed-bench-site-"));
const site = await startNginx(root);
const results: Record<string, unknown> = { machine, concurrency: CONCURRENCY };
try {
  const warmup = writeNamespace(root, site.origin, "warmup", 100);
  const runs: CycleRun[] = [];
  for (const n of SIZES) runs.push(await runCycles(site, warmup, n, CONCURRENCY, say));
  results.cycles = runs;
} finally {
  await site.stop();
  rmSync(root, { recursive: true, force: true });
}
results.totalSeconds = Math.round((performance.now() - started) / 1000);
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), "results.json");
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
say(`wrote ${out} (${results.totalSeconds} s in all)`);
