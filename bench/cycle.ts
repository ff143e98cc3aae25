/**
 * Cycle benchmark (`npm run bench`; issue 8): a local nginx site of generated Trend-like pages, the bare
 * fetch loop as the baseline, and the real watcher's first / unchanged / 10 %-changed cycles at N = 200,
 * 2,000 and 10,000; publishing over a 10,000-article, 100,000-revision store; a long run; urlwatch when
 * installed. Prints a table with ratios and targets and writes bench/results.json. Asserts nothing.
 *
 * Articles reach the watcher the real way: its source is the site's RSS feed listing all N pages
 * (watch.maxItemsPerFeed = N). Every measured party runs in its own process; nginx serves the pages.
 * Environment: BENCH_SIZES (default 200,2000,10000), BENCH_LONG_CYCLES (500), BENCH_WORKERS (analysis
 * threads; default the watcher's own), BENCH_PROFILE=<dir> (CPU profiles of the children), BENCH_PARTS
 * (default cycles,urlwatch,publish,long: run only some parts while working on one), BENCH_REPEATS (3: runs
 * or rounds of which the median is reported), BENCH_WATCH_FLAGS (Node/V8 flags for the watcher's and
 * publisher's processes instead of the shipped worker's `node_args`; "" for Node's defaults), BENCH_THREAD_CPU=1
 * (each watcher cycle's CPU time by thread, on stderr).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sibling, startChild, watchLaunch } from "./lib/child.js";
import { type CycleRun, ms, runCycles } from "./lib/cycle-scenario.js";
import { runLong } from "./lib/long-run.js";
import { describeMachine } from "./lib/machine.js";
import type { PublishFigures } from "./lib/publish-child.js";
import {
  cycleRows,
  linearityRows,
  longRunRows,
  printTable,
  publishRows,
  type Row,
  rssRow,
  urlwatchRows,
} from "./lib/report.js";
import { startNginx, writeNamespace } from "./lib/site.js";
import { runUrlwatch, urlwatchVersion } from "./lib/urlwatch.js";

const CONCURRENCY = 16;
const SIZES = (process.env.BENCH_SIZES ?? "200,2000,10000").split(",").map(Number);
const LONG_CYCLES = Number(process.env.BENCH_LONG_CYCLES ?? 500);
const PARTS = new Set((process.env.BENCH_PARTS ?? "cycles,urlwatch,publish,long").split(","));
// Compiled, this file runs from bench/.build/bench; results.json belongs in bench/ either way.
const compiledFrom = path.dirname(fileURLToPath(import.meta.url));
const here =
  path.basename(path.dirname(compiledFrom)) === ".build" ? path.resolve(compiledFrom, "../..") : compiledFrom;

const started = performance.now();
const say = (line: string) => console.log(line);
const machine = describeMachine();
say(
  `revfeed cycle benchmark on ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}`,
);
say(`site: nginx on loopback, static pages, ETag + Last-Modified; ${CONCURRENCY} requests at once`);
say("articles reach the watcher through the site's RSS feed listing all N pages (watch.maxItemsPerFeed = N)");
const launch = watchLaunch();
const malloc = launch.env.LD_PRELOAD
  ? `jemalloc (${launch.env.LD_PRELOAD}, MALLOC_CONF=${launch.env.MALLOC_CONF ?? ""})`
  : "the system's (glibc)";
say(
  `watcher and publisher run with Node flags: ${launch.nodeFlags.length > 0 ? launch.nodeFlags.join(" ") : "none (Node's defaults)"}; malloc: ${malloc}`,
);

say(
  process.env.BENCH_BARE_FETCH === "builtin"
    ? "bare loop: Node's built-in fetch, default pool (BENCH_BARE_FETCH=builtin)"
    : `bare loop: undici's fetch, a keep-alive pool of ${CONCURRENCY} connections`,
);

const root = mkdtempSync(path.join(os.tmpdir(), "revfeed-bench-site-"));
const site = await startNginx(root);
const results: Record<string, unknown> = {
  machine,
  concurrency: CONCURRENCY,
  watcherNodeFlags: launch.nodeFlags,
  watcherMalloc: launch.env.LD_PRELOAD ? "jemalloc" : "system",
};
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void site.stop().finally(() => process.exit(130));
  });
}
const rows: Row[] = [];
try {
  const warmup = writeNamespace(root, site.origin, "warmup", 100);

  say("1-4, 8. cycles against the bare loop");
  const runs: CycleRun[] = [];
  const sizes = PARTS.has("cycles") ? SIZES : [];
  for (const n of sizes) runs.push(await runCycles(site, warmup, n, CONCURRENCY, say));
  results.cycles = runs;
  for (const run of runs) rows.push(...cycleRows(run));
  rows.push(...rssRow(runs), ...linearityRows(runs));

  say("5. urlwatch");
  const version = urlwatchVersion();
  const reference = runs.find((r) => r.n === 2000) ?? runs.at(-1);
  if (!PARTS.has("urlwatch")) {
    say("  skipped (BENCH_PARTS)");
  } else if (version && reference) {
    const peer = runUrlwatch(site, reference.n, version);
    say(
      `  ${version}: first ${ms(peer.first.wallMs)}, unchanged ${ms(peer.unchanged.wallMs)}, changed ${ms(peer.changed.wallMs)}`,
    );
    results.urlwatch = peer;
    rows.push(...urlwatchRows(peer, reference));
  } else {
    say("  urlwatch not installed (apt-get install -y urlwatch): peer comparison skipped");
    results.urlwatch = "urlwatch not installed";
  }

  say("6. publishing");
  if (PARTS.has("publish")) rows.push(...(await runPublish()));
  else say("  skipped (BENCH_PARTS)");

  say(
    `7. long run: ${LONG_CYCLES} one-minute recheck ticks over 2,000 articles, 1 % of pages edited before each`,
  );
  say(
    "   (only articles due by the recheck tiers are fetched, as the scheduler does; feed polled every 5th tick)",
  );
  if (PARTS.has("long")) {
    const long = await runLong(site, 2000, LONG_CYCLES, CONCURRENCY);
    say(`  ${long.wallSeconds.toFixed(0)} s; RSS ${long.start.rssMb} → ${long.end.rssMb} MB`);
    results.longRun = long;
    rows.push(...longRunRows(long));
  } else say("  skipped (BENCH_PARTS)");
} finally {
  await site.stop();
  rmSync(root, { recursive: true, force: true });
}
results.rows = rows;
results.totalSeconds = Math.round((performance.now() - started) / 1000);
printTable(machine, rows, say);
// A partial run must not overwrite the figures README quotes.
const out = path.join(
  here,
  process.env.BENCH_PARTS || process.env.BENCH_SIZES ? "results-partial.json" : "results.json",
);
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
say(`\nwrote ${out} (${results.totalSeconds} s in all)`);

async function runPublish(): Promise<Row[]> {
  const publisher = startChild(sibling(import.meta.url, "lib/publish-child"), undefined, watchLaunch());
  try {
    const figures = await publisher.call<PublishFigures>("run", {
      articles: 10_000,
      revisionsPerArticle: 10,
      oneChangeRounds: 15,
    });
    say(
      `  store built in ${ms(figures.buildStoreMs)}; one change ${figures.oneChange.ms.toFixed(1)} ms, none ${figures.noChange.ms.toFixed(2)} ms`,
    );
    results.publish = figures;
    return publishRows(figures);
  } finally {
    await publisher.stop();
  }
}
