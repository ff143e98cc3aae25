import { sibling, startChild } from "./child.js";
import { SiteEditor } from "./mutate.js";
import { accessLogReader, type LogSlice, type Nginx, type SiteNamespace, writeNamespace } from "./site.js";
import type { CycleFigures } from "./watch-child.js";

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
}

export interface CycleRun {
  n: number;
  baseline: {
    full: Measured<LoopFigures>;
    conditional: Measured<LoopFigures>;
    changed: Measured<LoopFigures>;
  };
  first: Measured<CycleFigures>;
  unchanged: Measured<CycleFigures>;
  changed: Measured<CycleFigures> & { pagesChanged: number };
}

/**
 * One N: the bare loop (full, then conditional) and the watcher's first and unchanged cycles on the same
 * pages, then 10 % of the pages change and both run again (conditional loop, watcher's changed cycle).
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
  const baseline = startChild(BASELINE_CHILD);
  const watch = startChild(WATCH_CHILD);
  try {
    await baseline.call("full", { urls: warmup.urls, concurrency });
    const full = await measure(() => baseline.call<LoopFigures>("full", { urls: ns.urls, concurrency }));
    const conditional = await measure(() =>
      baseline.call<LoopFigures>("conditional", { urls: ns.urls, concurrency }),
    );
    say(`  N=${n}: bare loop ${ms(full.figures.wallMs)} full, ${ms(conditional.figures.wallMs)} conditional`);

    const workers = process.env.BENCH_WORKERS;
    await watch.call("init", {
      feedUrl: ns.feedUrl,
      n,
      concurrency,
      warmupFeedUrl: warmup.feedUrl,
      warmupUrls: warmup.urls,
      analysisWorkers: workers === undefined ? undefined : Number(workers),
    });
    const cycle = (p: { poll: boolean; recheckAll: boolean; advanceMinutes: number }) =>
      measure(() => watch.call<CycleFigures>("cycle", p));
    const first = await cycle({ poll: true, recheckAll: false, advanceMinutes: 0 });
    check(first.figures, `first cycle, N=${n}`);
    const unchanged = await cycle({ poll: true, recheckAll: true, advanceMinutes: 16 });
    check(unchanged.figures, `unchanged cycle, N=${n}`);
    say(`  N=${n}: first cycle ${ms(first.figures.wallMs)}, unchanged ${ms(unchanged.figures.wallMs)}`);

    const editor = new SiteEditor(site.root, ns.ns, ns.ids, n);
    const pagesChanged = editor.change(Math.round(n / 10)).length;
    const changedBaseline = await measure(() =>
      baseline.call<LoopFigures>("conditional", { urls: ns.urls, concurrency }),
    );
    const changed = await cycle({ poll: true, recheckAll: true, advanceMinutes: 16 });
    check(changed.figures, `10 % changed cycle, N=${n}`);
    say(`  N=${n}: 10 % changed ${ms(changed.figures.wallMs)} (bare ${ms(changedBaseline.figures.wallMs)})`);
    await watch.call("close");
    return {
      n,
      baseline: { full, conditional, changed: changedBaseline },
      first,
      unchanged,
      changed: { ...changed, pagesChanged },
    };
  } finally {
    await watch.stop();
    await baseline.stop();
  }
}

/** A benchmark that silently fails its checks measures nothing: stop loudly instead. */
function check(figures: CycleFigures, what: string): void {
  if (figures.checks.failed && figures.checks.failed > 0) {
    throw new Error(`${what}: ${figures.checks.failed} checks failed (${figures.failures.join("; ")})`);
  }
}

export const ms = (v: number) => `${Math.round(v)} ms`;
