/**
 * A real watcher (createWatcher: store, stages, publisher, Worker) in its own process, driven cycle by cycle.
 * The clock is a ManualClock so the schedule is reproducible; wall time is measured with performance.now().
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import { ManualClock, MINUTE } from "../../src/clock.js";
import { parseConfig } from "../../src/config/load.js";
import { createLogger } from "../../src/log.js";
import { createWatcher, type Watcher } from "../../src/wiring.js";
import { cpuMsSince, memory, serveCommands } from "./child.js";
import { benchConfigYaml } from "./config.js";
import { threadCpuDelta, threadCpuMs } from "./thread-cpu.js";

export interface WatchInit {
  feedUrl: string;
  n: number;
  concurrency: number;
  /** A small namespace cycled once first (JIT, connections), as the baseline warms up too. */
  warmupFeedUrl?: string;
  /** Its pages, analysed once by the measured watcher's own analysis threads (their start-up and JIT). */
  warmupUrls?: string[];
  /** Page-analysis worker threads; undefined = the watcher's default. */
  analysisWorkers?: number;
}

export interface CycleParams {
  poll: boolean;
  recheckAll: boolean;
  advanceMinutes: number;
}

export interface CycleFigures {
  wallMs: number;
  /** Of wallMs, the time spent republishing feeds after the checks. */
  publishMs: number;
  /** CPU time of the whole process (every thread) during the cycle. */
  cpuMs: number;
  checks: Record<string, number>;
  revisions: number;
  changedArticles: number;
  published: number;
  failures: string[];
  rssMb: number;
  peakRssMb: number;
  heapUsedMb: number;
}

const dirs: string[] = [];
let watcher: Watcher | null = null;
let clock = new ManualClock("2025-10-24T10:40:00.000Z");
let concurrency = 16;
let analysisWorkers: number | undefined;

function build(feedUrl: string, n: number): Watcher {
  const dir = mkdtempSync(path.join(os.tmpdir(), "revfeed-bench-watch-"));
  dirs.push(dir);
  const config = parseConfig(
    benchConfigYaml(feedUrl, n, concurrency),
    path.join(dir, "revfeed.config.yaml"),
    dir,
  );
  // Info-level JSON lines, written synchronously as in production, to /dev/null.
  const logger = createLogger("info", pino.destination({ dest: "/dev/null", sync: true }));
  const w = createWatcher(config, { clock, logger, random: () => 0.5, analysisWorkers });
  timePublisher(w);
  return w;
}

/**
 * BENCH_PROFILE_CYCLES=<dir> writes a CPU profile of the main thread for each cycle alone
 * (cycle-<n>.cpuprofile), where BENCH_PROFILE's whole-process profile mixes start-up and every cycle.
 */
const cycleProfileDir = process.env.BENCH_PROFILE_CYCLES;
let cyclesRun = 0;
/** BENCH_THREAD_CPU=1 prints each cycle's CPU time by thread (main, analysis, V8 helpers, libuv) to stderr. */
const threadCpu = process.env.BENCH_THREAD_CPU === "1";
let publishMs = 0;

/** Times the watcher's publisher where the Worker calls it. */
function timePublisher(w: Watcher): void {
  const publisher = w.publisher;
  if (!publisher) return;
  const publish = publisher.publish.bind(publisher);
  publisher.publish = async (ids) => {
    const t = performance.now();
    try {
      return await publish(ids);
    } finally {
      publishMs += performance.now() - t;
    }
  };
}

async function cycle(p: CycleParams): Promise<CycleFigures> {
  if (!watcher) throw new Error("init first");
  clock.advance(p.advanceMinutes * MINUTE);
  const session = cycleProfileDir ? new Session() : null;
  if (session) {
    session.connect();
    await session.post("Profiler.enable");
    await session.post("Profiler.start");
  }
  const started = performance.now();
  const cpu = process.cpuUsage();
  const threads = threadCpu ? threadCpuMs() : null;
  publishMs = 0;
  const report = await watcher.worker.runOnce({ poll: p.poll, recheckAll: p.recheckAll, concurrency });
  const wallMs = performance.now() - started;
  cyclesRun++;
  if (threads)
    process.stderr.write(`cycle ${cyclesRun} CPU ms by thread: ${threadCpuDelta(threads, threadCpuMs())}\n`);
  if (session && cycleProfileDir) {
    mkdirSync(cycleProfileDir, { recursive: true });
    const { profile } = await session.post("Profiler.stop");
    writeFileSync(
      path.join(cycleProfileDir, `cycle-${process.pid}-${cyclesRun}.cpuprofile`),
      JSON.stringify(profile),
    );
    session.disconnect();
  }
  return {
    wallMs,
    publishMs,
    cpuMs: cpuMsSince(cpu),
    checks: report.checks,
    revisions: report.revisions,
    changedArticles: report.changedArticleIds.length,
    published: report.published.length,
    failures: report.failures.slice(0, 3).map((f) => `${f.kind}: ${f.message}`),
    ...memory(),
  };
}

serveCommands({
  async init(p: WatchInit) {
    concurrency = p.concurrency;
    analysisWorkers = p.analysisWorkers;
    if (p.warmupFeedUrl) {
      const warm = build(p.warmupFeedUrl, 10_000);
      const report = await warm.worker.runOnce({ poll: true, concurrency });
      if (report.failures.length > 0) throw new Error(`warm-up failed: ${report.failures[0]?.message}`);
      await warm.close();
      clock = new ManualClock("2025-10-24T10:40:00.000Z");
    }
    watcher = build(p.feedUrl, p.n);
    const { analyse } = watcher.context.stages;
    const source = watcher.context.config.sources[0];
    if (p.warmupUrls && analyse && source) {
      // At most `concurrency` pages at a time, as the watcher's checks hand them over: all 100 at once held
      // every page twice (here and queued for the analysis thread), and that spike could be the run's peak RSS.
      for (let i = 0; i < p.warmupUrls.length; i += concurrency) {
        await Promise.all(
          p.warmupUrls.slice(i, i + concurrency).map(async (url) =>
            analyse({
              html: await (await fetch(url)).text(),
              url,
              source,
              articleLang: "ru",
              previous: null,
              knownHashes: [],
              minLengthRatio: 0.35,
            }),
          ),
        );
      }
    }
    return memory();
  },
  cycle,
  /** The long run: `cycles` cycles one minute apart, due articles only, feeds polled every fifth minute. */
  async tick(p: { poll: boolean }) {
    return cycle({ poll: p.poll, recheckAll: false, advanceMinutes: 1 });
  },
  memory: () => memory(),
  async close() {
    await watcher?.close();
    watcher = null;
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    return null;
  },
});
