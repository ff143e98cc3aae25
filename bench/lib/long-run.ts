import { type Child, sibling, startChild, watchLaunch } from "./child.js";
import { SiteEditor } from "./mutate.js";
import { type Nginx, writeNamespace } from "./site.js";
import type { CycleFigures } from "./watch-child.js";

const WATCH_CHILD = sibling(import.meta.url, "watch-child");

export interface LongRunFigures {
  n: number;
  cycles: number;
  changedPerCycle: number;
  wallSeconds: number;
  checks: number;
  revisions: number;
  /**
   * After the first cycle and ten one-minute cycles, so start-up allocations are behind us. `rssMb` is read
   * right after the cycle; `settledRssMb` after the watcher idled (see settledRss).
   */
  start: { rssMb: number; settledRssMb: number; heapUsedMb: number };
  end: { rssMb: number; settledRssMb: number; heapUsedMb: number; peakRssMb: number };
  /** How long the watcher idled before each settled reading. */
  idleSeconds: number;
  /** Settled RSS, end against start: what the worker holds between cycles. */
  growthPercent: number;
  /** The same read right after the cycle, with no idle time. */
  growthRightAfterPercent: number;
  /** RSS and heap every 50 ticks from the start: whether memory levels off or keeps climbing. */
  samples: { tick: number; rssMb: number; heapUsedMb: number }[];
}

/** Memory as the watcher child reports it (after a full GC). */
interface MemoryReading {
  rssMb: number;
  heapUsedMb: number;
}

/** How long the watcher idles before the settled readings: a one-minute cycle leaves a worker ~55 s idle. */
const IDLE_SECONDS = 20;

/**
 * A real worker idles between its one-minute cycles, and V8 gives back the heap a cycle grew (its memory
 * reducer runs once the process has been idle for several seconds, in steps); the bench runs its ticks
 * back to back, so the RSS read right after a tick still holds that heap (50–60 MB after a publish of
 * 2,000 changed articles, measured with bench:rounds). This idles as the worker would, then reads.
 */
async function settledRss(watch: Child): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, IDLE_SECONDS * 1000));
  return (await watch.call<MemoryReading>("memory")).rssMb;
}

/**
 * The long run: N articles captured once, then `cycles` one-minute recheck ticks as the scheduler runs them
 * (only articles due by the recheck tiers are fetched, the feed is polled every fifth minute), while 1 % of
 * the site's pages change before every tick. Resident memory is read after a full GC at the start and end.
 */
export async function runLong(
  site: Nginx,
  n: number,
  cycles: number,
  concurrency: number,
): Promise<LongRunFigures> {
  const ns = writeNamespace(site.root, site.origin, `long${n}`, n);
  const editor = new SiteEditor(site.root, ns.ns, ns.ids, 4242);
  const changedPerCycle = Math.max(1, Math.round(n / 100));
  const watch = startChild(WATCH_CHILD, undefined, watchLaunch());
  try {
    await watch.call("init", { feedUrl: ns.feedUrl, n, concurrency });
    const started = performance.now();
    let checks = 0;
    let revisions = 0;
    let start: LongRunFigures["start"] | null = null;
    let last: CycleFigures | null = null;
    const samples: LongRunFigures["samples"] = [];
    for (let tick = 0; tick <= cycles; tick++) {
      if (tick > 0) editor.change(changedPerCycle);
      last = await watch.call<CycleFigures>(
        "cycle",
        tick === 0
          ? { poll: true, recheckAll: false, advanceMinutes: 0 }
          : { poll: tick % 5 === 0, recheckAll: false, advanceMinutes: 1 },
      );
      if (tick > 0) {
        checks += Object.values(last.checks).reduce((a, b) => a + b, 0);
        revisions += last.revisions;
      }
      if (tick === 10) {
        start = { rssMb: last.rssMb, settledRssMb: await settledRss(watch), heapUsedMb: last.heapUsedMb };
      }
      if (tick === 10 || (tick > 0 && tick % 50 === 0)) {
        samples.push({ tick, rssMb: last.rssMb, heapUsedMb: last.heapUsedMb });
      }
    }
    // Without the wait at tick 10: the ticks alone.
    const wallSeconds = (performance.now() - started) / 1000 - IDLE_SECONDS;
    if (!start || !last) throw new Error("long run: too few cycles to measure");
    const settled = await settledRss(watch);
    await watch.call("close");
    return {
      n,
      cycles,
      changedPerCycle,
      wallSeconds,
      checks,
      revisions,
      start,
      end: {
        rssMb: last.rssMb,
        settledRssMb: settled,
        heapUsedMb: last.heapUsedMb,
        peakRssMb: last.peakRssMb,
      },
      idleSeconds: IDLE_SECONDS,
      growthPercent: ((settled - start.settledRssMb) / start.settledRssMb) * 100,
      growthRightAfterPercent: ((last.rssMb - start.rssMb) / start.rssMb) * 100,
      samples,
    };
  } finally {
    await watch.stop();
  }
}
