import type { CycleRun } from "./cycle-scenario.js";
import type { LongRunFigures } from "./long-run.js";
import type { Machine } from "./machine.js";
import type { PublishFigures } from "./publish-child.js";
import type { UrlwatchFigures } from "./urlwatch.js";

/** The printed table: one row per figure, its ratio to the bare loop (or peer), the target and whether it is met. */

export interface Row {
  what: string;
  n: number | null;
  value: string;
  ratio: string;
  target: string;
  met: boolean | null;
  note: string;
}

const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const x = (v: number) => `${v.toFixed(2)}×`;
const mb = (v: number) => `${v.toFixed(0)} MB`;
const bytes = (b: number) => (b < 10_000 ? `${b} B` : `${(b / 1e6).toFixed(1)} MB`);
const msText = (v: number) => `${Math.round(v)} ms`;
/** "median of 1.31/1.28/2.02 s": every run of a repeated measurement, in run order. */
const runsText = (m: { runsMs?: number[] }) =>
  m.runsMs && m.runsMs.length > 1
    ? `; median of ${m.runsMs.map((v) => (v / 1000).toFixed(2)).join("/")} s`
    : "";

export function cycleRows(run: CycleRun): Row[] {
  const { n, baseline, first, unchanged, changed } = run;
  const full = baseline.full.figures.wallMs;
  const cond = baseline.conditional.figures.wallMs;
  const condChanged = baseline.changed.figures.wallMs;
  const rate = (ms: number) => `${Math.round(n / (ms / 1000))} pages/s`;
  const cpu = (f: { cpuMs: number }) => `CPU ${(f.cpuMs / n).toFixed(2)} ms/page`;
  const firstRatio = first.figures.wallMs / full;
  const unchangedRatio = unchanged.figures.wallMs / cond;
  const changedRatio = changed.figures.wallMs / condChanged;
  return [
    row(
      "bare loop, full GET",
      n,
      sec(full),
      "1.00×",
      "",
      null,
      `${rate(full)}, ${bytes(baseline.full.site.bodyBytes)} bodies, ${cpu(baseline.full.figures)}${runsText(baseline.full)}`,
    ),
    row(
      "bare loop + htmlparser2 on a thread",
      n,
      sec(baseline.parsed.figures.wallMs),
      x(baseline.parsed.figures.wallMs / full),
      "",
      null,
      `full GET, each body tokenized on one worker thread and nothing else (the design issue 8 suggests, at its cheapest); ${cpu(baseline.parsed.figures)}, one run`,
    ),
    row(
      "bare loop, conditional GET",
      n,
      sec(cond),
      "1.00×",
      "",
      null,
      `${rate(cond)}, ${bytes(baseline.conditional.site.bodyBytes)} bodies, ${cpu(baseline.conditional.figures)}${runsText(baseline.conditional)}`,
    ),
    row(
      "bare loop, conditional, 10 % changed",
      n,
      sec(condChanged),
      "1.00×",
      "",
      null,
      `${bytes(baseline.changed.site.bodyBytes)} bodies, ${cpu(baseline.changed.figures)}${runsText(baseline.changed)}`,
    ),
    row(
      "first cycle (all new)",
      n,
      sec(first.figures.wallMs),
      x(firstRatio),
      "≤ 1.5× full",
      firstRatio <= 1.5,
      `${rate(first.figures.wallMs)}, ${cpu(first.figures)}, peak RSS ${mb(first.figures.peakRssMb)}, ${first.figures.revisions} revisions, ${first.figures.published} files published in ${msText(first.figures.publishMs)}${runsText(first)}`,
    ),
    row(
      "unchanged cycle (all 304)",
      n,
      sec(unchanged.figures.wallMs),
      x(unchangedRatio),
      "≤ 1.2× cond., 0 B",
      unchangedRatio <= 1.2 && unchanged.site.bodyBytes === 0,
      `${bytes(unchanged.site.bodyBytes)} bodies received, ${unchanged.site.statuses["304"] ?? 0} × 304, ${cpu(unchanged.figures)}${runsText(unchanged)}`,
    ),
    row(
      "10 % changed",
      n,
      sec(changed.figures.wallMs),
      x(changedRatio),
      "≤ 1.5× cond.",
      changedRatio <= 1.5,
      `${changed.figures.revisions} revisions stored of ${changed.pagesChanged} pages changed, ${changed.figures.published} files published in ${msText(changed.figures.publishMs)}, ${cpu(changed.figures)}${runsText(changed).replace("median of", "median round of")}`,
    ),
  ];
}

export function linearityRows(runs: CycleRun[]): Row[] {
  const smallest = runs[0];
  if (!smallest || runs.length < 2) return [];
  const perPage = (r: CycleRun, key: "first" | "unchanged") => r[key].figures.wallMs / r.n;
  return runs.map((r) => {
    const growth = perPage(r, "first") / perPage(smallest, "first");
    return row(
      "cost per page vs smallest N",
      r.n,
      `${(perPage(r, "first") * 1000).toFixed(0)} µs/page first, ${(perPage(r, "unchanged") * 1000).toFixed(0)} µs/page unchanged`,
      x(growth),
      "linear (≈1×)",
      growth <= 1.5,
      `peak RSS ${mb(Math.max(r.first.figures.peakRssMb, r.unchanged.figures.peakRssMb, r.changed.figures.peakRssMb))}` +
        (r.n >= 10_000 ? " (target < 200 MB)" : ""),
    );
  });
}

export function rssRow(runs: CycleRun[]): Row[] {
  const big = runs.find((r) => r.n >= 10_000);
  if (!big) return [];
  const peak = Math.max(
    big.first.figures.peakRssMb,
    big.unchanged.figures.peakRssMb,
    big.changed.figures.peakRssMb,
  );
  return [
    row(
      "peak RSS, 10,000 tracked articles",
      big.n,
      mb(peak),
      "",
      "< 200 MB",
      peak < 200,
      "whole watcher process",
    ),
  ];
}

export function publishRows(p: PublishFigures): Row[] {
  const store = `${p.articles.toLocaleString("en")} articles, ${p.revisions.toLocaleString("en")} revisions`;
  return [
    row(
      "publish, cold (first in a process)",
      p.articles,
      `${p.cold.ms.toFixed(0)} ms`,
      "",
      "",
      null,
      `${p.cold.files} files written; ${store}`,
    ),
    row(
      "publish after one article changed",
      p.articles,
      `${p.oneChange.ms.toFixed(1)} ms`,
      "",
      "< 50 ms",
      p.oneChange.ms < 50,
      `median of ${p.oneChange.samples.length}; ${p.oneChange.files} files rewritten`,
    ),
    row(
      "publish with nothing changed",
      p.articles,
      `${p.noChange.ms.toFixed(2)} ms`,
      "",
      "< 5 ms, 0 files",
      p.noChange.ms < 5 && p.noChange.files === 0,
      `median of ${p.noChange.samples.length}; ${p.noChange.files} files rewritten`,
    ),
  ];
}

export function longRunRows(l: LongRunFigures): Row[] {
  const signed = (p: number) => `${p >= 0 ? "+" : ""}${p.toFixed(1)} %`;
  return [
    row(
      "long run: RSS start → end, idle",
      l.n,
      `${mb(l.start.settledRssMb)} → ${mb(l.end.settledRssMb)}`,
      signed(l.growthPercent),
      "≤ +10 %",
      l.growthPercent <= 10,
      `read after ${l.idleSeconds} s idle, as between a worker's one-minute cycles; ${l.cycles} cycles, ${l.changedPerCycle} pages changed per cycle, ${l.checks} checks, ${l.revisions} revisions, ${l.wallSeconds.toFixed(0)} s; heap ${mb(l.start.heapUsedMb)} → ${mb(l.end.heapUsedMb)}`,
    ),
    row(
      "long run: RSS right after the tick",
      l.n,
      `${mb(l.start.rssMb)} → ${mb(l.end.rssMb)}`,
      signed(l.growthRightAfterPercent),
      "",
      null,
      "no idle time: the ticks run back to back, so V8 still holds the heap the last cycles grew",
    ),
    ...secondHalfRow(l),
    row(
      "long run: RSS / heap by tick",
      l.n,
      "",
      "",
      "",
      null,
      l.samples.map((s) => `${s.tick}: ${s.rssMb.toFixed(0)}/${s.heapUsedMb.toFixed(0)}`).join(", "),
    ),
  ];
}

/**
 * Growth over the second half, after the warm-up: the first 100–200 ticks fill the bounded caches
 * (sanitized paragraphs, feed diffs, rendered entries as revisions gain diffs) and compile the change
 * paths. Both ends are ordinary ticks, off the 15-minute recheck grid whose ticks recheck every article.
 */
function secondHalfRow(l: LongRunFigures): Row[] {
  const half = Math.round(l.cycles / 2 / 50) * 50;
  const from = l.samples.find((s) => s.tick === (half % 150 === 0 ? half + 50 : half));
  const to = l.samples.at(-1);
  if (!from || !to || from === to) return [];
  const growth = ((to.rssMb - from.rssMb) / from.rssMb) * 100;
  return [
    row(
      `long run: ticks ${from.tick} → ${to.tick}`,
      l.n,
      `${mb(from.rssMb)} → ${mb(to.rssMb)}`,
      `${growth >= 0 ? "+" : ""}${growth.toFixed(1)} %`,
      "",
      null,
      "after the warm-up; right after each tick",
    ),
  ];
}

export function urlwatchRows(u: UrlwatchFigures, ours: CycleRun): Row[] {
  const pair = (label: string, theirs: number, mine: number, note: string) => {
    const speedup = theirs / mine;
    return row(
      `urlwatch ${label}`,
      u.n,
      sec(theirs),
      `${x(speedup)} slower`,
      "≥ 5× slower",
      speedup >= 5,
      `revfeed ${sec(mine)}; ${note}`,
    );
  };
  return [
    pair("first run", u.first.wallMs, ours.first.figures.wallMs, `${bytes(u.first.site.bodyBytes)} bodies`),
    pair(
      "unchanged run",
      u.unchanged.wallMs,
      ours.unchanged.figures.wallMs,
      `${bytes(u.unchanged.site.bodyBytes)} bodies`,
    ),
    pair(
      "10 % changed",
      u.changed.wallMs,
      ours.changed.figures.wallMs,
      `${bytes(u.changed.site.bodyBytes)} bodies`,
    ),
  ];
}

function row(
  what: string,
  n: number | null,
  value: string,
  ratio: string,
  target: string,
  met: boolean | null,
  note: string,
): Row {
  return { what, n, value, ratio, target, met, note };
}

export function printTable(machine: Machine, rows: Row[], say: (line: string) => void): void {
  say("");
  say(
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}, ${machine.os}`,
  );
  const header = ["", "N", "figure", "ratio", "target", "met", "notes"];
  const cells = rows.map((r) => [
    r.what,
    r.n === null ? "" : r.n.toLocaleString("en"),
    r.value,
    r.ratio,
    r.target,
    r.met === null ? "" : r.met ? "yes" : "NO",
    r.note,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? "").length)));
  const line = (c: string[]) =>
    c
      .map((v, i) => (i === 1 ? v.padStart(widths[i] ?? 0) : v.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  say(line(header));
  say(widths.map((w) => "-".repeat(w)).join("  "));
  for (const c of cells) say(line(c));
}
