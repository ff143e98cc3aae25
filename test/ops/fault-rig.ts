import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { DOMParser } from "@xmldom/xmldom";
import { afterEach, expect } from "vitest";
import { MINUTE } from "../../src/clock.js";
import type { WorkerMetricsSnapshot } from "../../src/watch/metrics.js";
import type { CycleReport } from "../../src/watch/worker.js";
import { FaultServer } from "../support/fault-server.js";
import { NewsSite } from "../support/news-site.js";
import { seedStory } from "../support/seed.js";
import { useTempDir } from "../support/temp-dir.js";
import { type TestWatcher, testWatcher } from "../support/watcher.js";

/**
 * Two sources in one watcher: `good` (a healthy local news site) and `flaky` (a local news site behind a
 * FaultServer). A test runs a healthy baseline cycle, turns a fault on while both sites change, runs a
 * cycle, then heals the fault and lets the clock pass any back-off.
 */

export const GOOD_ID = 1001;
export const FLAKY_ID = 2001;
/** A story the flaky site publishes while its fault is on: it must be picked up after healing. */
export const LATE_ID = 2002;

const seed = seedStory();
export const P = seed.paragraphs;
export const UPDATE = "Дополнение: министры подписали итоговый протокол заседания.";

/** XML 1.0's forbidden C0 controls, U+FFFE and numeric references to them. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these control characters are what the tests look for
export const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE]|&#x?0*[0-8];/;

export interface FaultRig {
  good: NewsSite;
  site: NewsSite;
  proxy: FaultServer;
  w: TestWatcher;
  /** Runs one cycle (polling) and returns its report. */
  cycle(): Promise<CycleReport>;
  revisionsOf(siteId: number): string[][];
  metrics(): WorkerMetricsSnapshot;
  /** Log lines at info or above for a source that carry a failure kind. */
  problems(sourceId: string): Record<string, unknown>[];
  close(): Promise<void>;
}

export async function faultRig(dir: string): Promise<FaultRig> {
  const good = await new NewsSite({ layout: "trend" }).start();
  const site = await new NewsSite({ layout: "trend" }).start();
  const proxy = await new FaultServer(site.origin).start();
  good.put({
    id: GOOD_ID,
    title: "Заседание министров ОТГ",
    paragraphs: P.slice(0, 4),
    publishedAt: "2025-10-24T10:00:00Z",
  });
  site.put({
    id: FLAKY_ID,
    title: "Министры промышленности ОТГ",
    paragraphs: P.slice(4, 8),
    publishedAt: "2025-10-24T10:05:00Z",
  });
  // testWatcher opens a `fetch:` mapping; the first indented lines below continue it.
  const w = testWatcher(
    dir,
    `  timeoutMs: 1500
  backoffBaseMs: 1000
  maxBodyBytes: 1048576
  maxBackoffMinutes: 1
sources:
  - id: good
    url: ${good.feedUrl}
    profile: trend
    lang: ru
  - id: flaky
    url: ${proxy.feedUrl}
    profile: trend
    lang: ru
publish:
  - name: all
    title: All stories
`,
  );
  const find = (siteId: number) => w.store.findArticle({ siteId: String(siteId) });
  return {
    good,
    site,
    proxy,
    w,
    cycle: () => w.worker.runOnce({ poll: true }),
    revisionsOf(siteId) {
      const article = find(siteId);
      return article ? w.store.listRevisions(article.id).map((r) => r.paragraphs.map((p) => p.text)) : [];
    },
    metrics: () => JSON.parse(w.store.getMeta("worker_metrics") ?? "{}") as WorkerMetricsSnapshot,
    problems: (sourceId) =>
      w.logs.filter(
        (l) => l.source_id === sourceId && typeof l.level === "number" && l.level >= 30 && "kind" in l,
      ),
    async close() {
      await w.close();
      await proxy.stop();
      await site.stop();
      await good.stop();
    },
  };
}

/** Baseline: both stories stored once. */
export async function baseline(rig: FaultRig): Promise<void> {
  const report = await rig.cycle();
  expect(report.revisions).toBe(2);
}

/** Both sites change (and the flaky one publishes a new story), the clock passes the re-check interval. */
export function changeBoth(rig: FaultRig): void {
  rig.good.update(GOOD_ID, { paragraphs: [...P.slice(0, 4), UPDATE] });
  rig.site.update(FLAKY_ID, { paragraphs: [...P.slice(4, 8), UPDATE] });
  rig.site.put({
    id: LATE_ID,
    title: "Новая встреча министров",
    paragraphs: P.slice(8, 11),
    publishedAt: "2025-10-24T10:30:00Z",
  });
  rig.w.clock.advance(20 * MINUTE);
}

/** Fault over: the clock passes every back-off (capped at one minute here) and the next cycles run. */
export async function heal(rig: FaultRig): Promise<void> {
  rig.proxy.clear();
  rig.w.clock.advance(20 * MINUTE);
  await rig.cycle();
}

/**
 * The checks every fault test shares: the good source was unaffected, the flaky source lost nothing it had
 * stored, and after healing it caught up by itself (the changed story and the late one).
 */
export async function expectIsolatedAndRecovered(rig: FaultRig, during: CycleReport): Promise<void> {
  expect(["ok", "not_modified"]).toContain(during.polls.find((p) => p.sourceId === "good")?.result);
  expect(rig.revisionsOf(GOOD_ID).at(-1)).toContain(UPDATE);
  expect(rig.revisionsOf(FLAKY_ID)[0]).toEqual(P.slice(4, 8));
  await heal(rig);
  expect(rig.revisionsOf(FLAKY_ID).at(-1)).toEqual([...P.slice(4, 8), UPDATE]);
  expect(rig.revisionsOf(LATE_ID).at(-1)).toEqual(P.slice(8, 11));
  expect(rig.revisionsOf(GOOD_ID)).toHaveLength(2);
  expectFeedsValid(rig.w.dir);
}

/** A warn/error line for the source with this kind, and the kind counted in the saved metrics. */
export function expectFailureReported(rig: FaultRig, sourceId: string, kind: string): void {
  const lines = rig.problems(sourceId).filter((l) => l.kind === kind);
  expect(lines.length, `log lines for ${sourceId} of kind ${kind}`).toBeGreaterThan(0);
  expect(String(lines[0]?.msg)).not.toBe("");
  expect(rig.metrics().failures_total?.[kind] ?? 0).toBeGreaterThan(0);
}

/**
 * Every published file is complete: XML parses strictly, JSON parses. Leftover temp files (from a write
 * cut short) fail the check unless `allowTemp`; returns the feed files checked, relative to the folder.
 */
export function expectFeedsValid(dir: string, options: { allowTemp?: boolean } = {}): string[] {
  const feeds = path.join(dir, "feeds");
  const files = readdirSync(feeds, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(feeds, path.join(e.parentPath, e.name)));
  const checked: string[] = [];
  for (const name of files) {
    if (name.endsWith(".tmp")) {
      if (!options.allowTemp) throw new Error(`temp file left in the feeds folder: ${name}`);
      continue;
    }
    const text = readFileSync(path.join(feeds, name), "utf8");
    if (name.endsWith(".json")) {
      expect(() => JSON.parse(text), name).not.toThrow();
    } else if (/\.(atom|rss|xml)$/.test(name)) {
      parseXmlStrict(text, name);
    } else {
      throw new Error(`unexpected file in the feeds folder: ${name}`);
    }
    checked.push(name);
  }
  expect(checked.length).toBeGreaterThan(0);
  return checked;
}

export function parseXmlStrict(text: string, name: string): Document {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== "warning") errors.push(message);
    },
  }).parseFromString(text, "text/xml");
  expect(errors, `${name} is well-formed XML`).toEqual([]);
  return doc as unknown as Document;
}

/**
 * Registers cleanup and returns a factory of rigs that already hold a baseline revision of both stories
 * and have both stories changed on the site, ready for a fault to be switched on.
 */
export function useRigsWithBaseline(prefix: string): () => Promise<FaultRig> {
  const tempDir = useTempDir(prefix);
  const rigs: FaultRig[] = [];
  afterEach(async () => {
    for (const rig of rigs.splice(0)) await rig.close();
  });
  return async () => {
    const rig = await faultRig(tempDir());
    rigs.push(rig);
    await baseline(rig);
    changeBoth(rig);
    return rig;
  };
}
