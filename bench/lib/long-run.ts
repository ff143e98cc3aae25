import { sibling, startChild, watchFlags } from "./child.js";
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
  /** After the first cycle and ten one-minute cycles, so start-up allocations are behind us. */
  start: { rssMb: number; heapUsedMb: number };
  end: { rssMb: number; heapUsedMb: number; peakRssMb: number };
  growthPercent: number;
  /** RSS and heap every 50 ticks from the start: whether memory levels off or keeps climbing. */
  samples: { tick: number; rssMb: number; heapUsedMb: number }[];
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
  const watch = startChild(WATCH_CHILD, undefined, watchFlags());
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
      if (tick === 10) start = { rssMb: last.rssMb, heapUsedMb: last.heapUsedMb };
      if (tick === 10 || (tick > 0 && tick % 50 === 0)) {
        samples.push({ tick, rssMb: last.rssMb, heapUsedMb: last.heapUsedMb });
      }
    }
    const wallSeconds = (performance.now() - started) / 1000;
    if (!start || !last) throw new Error("long run: too few cycles to measure");
    await watch.call("close");
    return {
      n,
      cycles,
      changedPerCycle,
      wallSeconds,
      checks,
      revisions,
      start,
      end: { rssMb: last.rssMb, heapUsedMb: last.heapUsedMb, peakRssMb: last.peakRssMb },
      growthPercent: ((last.rssMb - start.rssMb) / start.rssMb) * 100,
      samples,
    };
  } finally {
    await watch.stop();
  }
}
