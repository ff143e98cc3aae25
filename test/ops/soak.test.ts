import path from "node:path";
import { Writable } from "node:stream";
import v8 from "node:v8";
import vm from "node:vm";
import { afterAll, describe, expect, it } from "vitest";
import { ManualClock, MINUTE } from "../../src/clock.js";
import { parseConfig } from "../../src/config/load.js";
import { createLogger } from "../../src/log.js";
import { createWatcher, type Watcher } from "../../src/wiring.js";
import { NewsSite } from "../support/news-site.js";
import { seedStory } from "../support/seed.js";
import { seeded } from "../support/seeded-random.js";
import { useTempDir } from "../support/temp-dir.js";
import { expectFeedsValid } from "./fault-rig.js";

/**
 * A 24-hour soak compressed into a fast-clock run: 2,000 cycles, the injected clock one minute further each
 * time, a local news site whose stories change now and then and whose feed grows (then a quiet stretch of
 * re-checks only). Every change is captured exactly once and the heap stays flat once warm.
 */

const CYCLES = 2_000;
const WARM_UP = 300;
const QUIET = 1_500;
const tempDir = useTempDir("revfeed-soak-");
const seed = seedStory();

// Forced GC for a fair heap reading; vitest's workers do not run with --expose-gc.
v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

let site: NewsSite | null = null;
let watcher: Watcher | null = null;
afterAll(async () => {
  await watcher?.close();
  await site?.stop();
});

describe("soak", () => {
  it(`${CYCLES} one-minute cycles: every change captured once, no duplicates, flat memory`, async () => {
    const dir = tempDir();
    site = await new NewsSite({ layout: "trend" }).start();
    const clock = new ManualClock("2025-10-24T00:00:00.000Z");
    const random = seeded(24);
    const config = parseConfig(
      `stateDir: state
feedsDir: feeds
fetch: { allowPrivateNetworks: true, perHostDelayMs: 0 }
watch: { tiers: [{ withinHours: 48, everyMinutes: 10 }] }
sources:
  - { id: local, url: "${site.feedUrl}", profile: trend, lang: ru }
publish:
  - { name: all, title: All stories }
`,
      path.join(dir, "revfeed.config.yaml"),
      dir,
    );
    // Logs are counted, not kept: a growing array would be the test's own leak.
    let logLines = 0;
    const sink = new Writable({
      write(_chunk, _enc, done) {
        logLines++;
        done();
      },
    });
    watcher = createWatcher(config, { clock, logger: createLogger("info", sink), random });

    /** Every version each story has had, in order; a version stays at least 15 minutes (the re-check is 10). */
    const versions = new Map<number, string[][]>();
    const lastChange = new Map<number, number>();
    const addStory = (id: number, cycle: number) => {
      const paragraphs = seed.paragraphs.slice(id % 6, (id % 6) + 3);
      site?.put({ id, title: `Новость ${id}`, paragraphs, publishedAt: clock.now().toISOString() });
      versions.set(id, [paragraphs]);
      lastChange.set(id, cycle);
    };
    for (let id = 1; id <= 8; id++) addStory(id, 0);

    let baseline = 0;
    let quietStart = 0;
    const samples: number[] = [];
    let revisions = 0;
    for (let cycle = 1; cycle <= CYCLES; cycle++) {
      if (cycle % 150 === 0 && cycle <= QUIET) addStory(100 + cycle / 150, cycle);
      // Stories change now and then until QUIET; the rest of the run only re-checks (and sees no change).
      if (cycle % 16 === 0 && cycle <= QUIET) {
        const ids = [...versions.keys()];
        const id = ids[Math.floor(random() * ids.length)] as number;
        if (cycle - (lastChange.get(id) ?? 0) >= 15) {
          const history = versions.get(id) as string[][];
          const next = [
            ...(history.at(-1) as string[]),
            `Обновление ${cycle}: ${seed.paragraphs[cycle % 12]}`,
          ];
          history.push(next);
          lastChange.set(id, cycle);
          site.update(id, { paragraphs: next });
        }
      }
      const report = await watcher.worker.runOnce({ poll: true });
      revisions += report.revisions;
      expect(report.failures).toEqual([]);
      site.takeRequests();
      if (cycle === WARM_UP) baseline = heapAfterGc();
      if (cycle === QUIET + 20) quietStart = heapAfterGc();
      if (cycle % 250 === 0) samples.push(Math.round(heapAfterGc() / 1e5) / 10);
      clock.advance(MINUTE);
    }
    const end = heapAfterGc();

    const { store } = watcher;
    let expected = 0;
    for (const [id, history] of versions) {
      const article = store.findArticle({ siteId: String(id) });
      const stored = store
        .listRevisions(article?.id ?? 0)
        .sort((x, y) => x.seq - y.seq)
        .map((r) => r.paragraphs.map((p) => p.text));
      // Exactly the versions the site had, in order: none missed, none stored twice.
      expect(stored, `story ${id}`).toEqual(history);
      expected += history.length;
    }
    expect(revisions).toBe(expected);
    expect(store.db.pragma("integrity_check", { simple: true })).toBe("ok");
    expectFeedsValid(dir);

    const growth = (end - baseline) / baseline;
    const quietGrowth = (end - quietStart) / quietStart;
    console.info(
      `soak: ${CYCLES} cycles (${(CYCLES / 60).toFixed(1)} h of clock), ${versions.size} stories, ${expected} revisions, ` +
        `${logLines} log lines; heap after GC ${(baseline / 1e6).toFixed(1)} MB at cycle ${WARM_UP}, ` +
        `${(end / 1e6).toFixed(1)} MB at the end (${(growth * 100).toFixed(1)} %), ${(quietGrowth * 100).toFixed(1)} % over the last ${CYCLES - QUIET - 20} quiet cycles; every 250 cycles (MB): ${samples.join(", ")}`,
    );
    // Stored revisions legitimately grow the publisher's bounded caches; cycles themselves must not.
    expect(growth).toBeLessThan(0.3);
    expect(quietGrowth).toBeLessThan(0.08);
  }, 120_000);
});
