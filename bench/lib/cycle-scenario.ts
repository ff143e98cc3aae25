import { sibling, startChild, watchLaunch } from "./child.js";
import { SiteEditor } from "./mutate.js";
import { accessLogReader, type LogSlice, type Nginx, type SiteNamespace, writeNamespace } from "./site.js";
import type { CycleFigures } from "./watch-child.js";

/** Runs of each repeatable measurement (BENCH_REPEATS; default 3), of which the median is reported. */
const REPEATS = Math.max(1, Number(process.env.BENCH_REPEATS ?? 3));

export const BASELINE_CHILD = sibling(import.meta.url, "baseline-child");
export const WATCH_CHILD = sibling(import.meta.url, "watch-child");

export interface LoopFigures {
  wallMs: number;
  cpuMs: number;
  requests: number;
  peakRssMb: number;
}

export interface Measured<T> {
  figures: T;
  site: LogSlice;
  /** Wall time of every run, in run order, when the measurement was repeated (the median run is kept). */
  runsMs?: number[];
}

export interface CycleRun {
  n: number;
  baseline: {
    full: Measured<LoopFigures>;
    conditional: Measured<LoopFigures>;
    changed: Measured<LoopFigures>;
    /** The bare loop tokenizing every body on a worker thread (parse-floor.ts); run once, not repeated. */
    parsed: Measured<LoopFigures>;
  };
  first: Measured<CycleFigures>;
  unchanged: Measured<CycleFigures>;
  changed: Measured<CycleFigures> & { pagesChanged: number };
}

/**
 * One N: the bare loop (full, then conditional) and the watcher's first and unchanged cycles on the same
 * pages, then rounds in which 10 % of the pages change and both run again (conditional loop, watcher's
 * changed cycle).
 */
export async function runCycles(
  site: Nginx,
  warmup: SiteNamespace,
  n: number,
  concurrency: number,
  say: (line: string) => void,
): Promise<CycleRun> {
  const ns = writeNamespace(site.root, site.origin, `n${n}`, n);
  const takeLog = accessLogReader(site.log);
  const measure = async <T>(run: () => Promise<T>): Promise<Measured<T>> => {
    takeLog();
    const figures = await run();
    return { figures, site: takeLog() };
  };
  /**
   * The bare loop, and the watcher's unchanged cycle, can be repeated exactly: each is run REPEATS times and
   * the run with the median wall time is kept, so one lucky or unlucky run of the divisor does not move
   * every ratio (single runs moved them by 20–40 %).
   */
  const median = async <T extends { wallMs: number }>(run: () => Promise<T>): Promise<Measured<T>> => {
    const runs: Measured<T>[] = [];
    for (let i = 0; i < REPEATS; i++) runs.push(await measure(run));
    return medianRun(runs);
  };
  const baseline = startChild(BASELINE_CHILD);
  const watch = startChild(WATCH_CHILD, undefined, watchLaunch());
  try {
    await baseline.call("full", { urls: warmup.urls, concurrency });
    const full = await median(() => baseline.call<LoopFigures>("full", { urls: ns.urls, concurrency }));
    const conditional = await median(() =>
      baseline.call<LoopFigures>("conditional", { urls: ns.urls, concurrency }),
    );
    await baseline.call("parsed", { urls: warmup.urls, concurrency });
    const parsed = await measure(() => baseline.call<LoopFigures>("parsed", { urls: ns.urls, concurrency }));
    say(
      `  N=${n}: bare loop ${ms(full.figures.wallMs)} full, ${ms(conditional.figures.wallMs)} conditional, ${ms(parsed.figures.wallMs)} tokenizing`,
    );

    const workers = process.env.BENCH_WORKERS;
    // A new watcher (store, analysis threads) on the same pages; the warm-up cycle runs in the first only,
    // the later ones start in a process whose code is already warm, as the bare loop's later runs do.
    const init = (first: boolean) =>
      watch.call("init", {
        feedUrl: ns.feedUrl,
        n,
        concurrency,
        warmupFeedUrl: first ? warmup.feedUrl : undefined,
        warmupUrls: warmup.urls,
        analysisWorkers: workers === undefined ? undefined : Number(workers),
      });
    const cycle = (p: { poll: boolean; recheckAll: boolean; advanceMinutes: number }) =>
      measure(() => watch.call<CycleFigures>("cycle", p));
    const repeatedCycle = (p: { poll: boolean; recheckAll: boolean; advanceMinutes: number }) =>
      median(() => watch.call<CycleFigures>("cycle", p));
    // The first cycle is repeated too, each time by a new watcher with an empty store; the last one goes on.
    const firstRuns: Measured<CycleFigures>[] = [];
    for (let i = 0; i < REPEATS; i++) {
      if (i > 0) await watch.call("close");
      await init(i === 0);
      const run = await cycle({ poll: true, recheckAll: false, advanceMinutes: 0 });
      check(run.figures, `first cycle, N=${n}`);
      firstRuns.push(run);
    }
    const first = medianRun(firstRuns);
    const unchanged = await repeatedCycle({ poll: true, recheckAll: true, advanceMinutes: 16 });
    check(unchanged.figures, `unchanged cycle, N=${n}`);
    say(`  N=${n}: first cycle ${ms(first.figures.wallMs)}, unchanged ${ms(unchanged.figures.wallMs)}`);

    // 10 % changed, REPEATS rounds: each edits another 10 % of the pages (chosen anew, so some a second time),
    // then the bare conditional loop (median of REPEATS on those edits) and the watcher's cycle run on them;
    // a round ends with the bare loop taking the new validators, as the watcher just did.
    const editor = new SiteEditor(site.root, ns.ns, ns.ids, n);
    const bareRounds: Measured<LoopFigures>[] = [];
    const changedRounds: Measured<CycleFigures & { pagesChanged: number }>[] = [];
    for (let i = 0; i < REPEATS; i++) {
      const pagesChanged = editor.change(Math.round(n / 10)).length;
      bareRounds.push(
        await median(() => baseline.call<LoopFigures>("conditional", { urls: ns.urls, concurrency })),
      );
      const run = await cycle({ poll: true, recheckAll: true, advanceMinutes: 16 });
      check(run.figures, `10 % changed cycle, N=${n}`);
      changedRounds.push({ ...run, figures: { ...run.figures, pagesChanged } });
      await baseline.call("refresh", { urls: ns.urls, concurrency });
    }
    const changedBaseline = medianRun(bareRounds);
    const changedRun = medianRun(changedRounds);
    const changed = { ...changedRun, pagesChanged: changedRun.figures.pagesChanged };
    say(`  N=${n}: 10 % changed ${ms(changed.figures.wallMs)} (bare ${ms(changedBaseline.figures.wallMs)})`);
    await watch.call("close");
    return {
      n,
      baseline: { full, conditional, changed: changedBaseline, parsed },
      first,
      unchanged,
      changed,
    };
  } finally {
    await watch.stop();
    await baseline.stop();
  }
}

/** The run with the median wall time, and every run's wall time in run order. */
function medianRun<T extends { wallMs: number }>(runs: Measured<T>[]): Measured<T> {
  const runsMs = runs.map((r) => r.figures.wallMs);
  const sorted = [...runs].sort((a, b) => a.figures.wallMs - b.figures.wallMs);
  return { ...(sorted[Math.floor(sorted.length / 2)] as Measured<T>), runsMs };
}

/** A benchmark that silently fails its checks measures nothing: stop loudly instead. */
function check(figures: CycleFigures, what: string): void {
  if (figures.checks.failed && figures.checks.failed > 0) {
    throw new Error(`${what}: ${figures.checks.failed} checks failed (${figures.failures.join("; ")})`);
  }
}

export const ms = (v: number) => `${Math.round(v)} ms`;
