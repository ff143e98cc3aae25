/**
 * Publishing at scale: a store of `articles` articles with `revisionsPerArticle` revisions each, written
 * straight into SQLite through Store (the feed poll and fetches are not what is measured here), then the real
 * publisher (createPublisher, the one the Worker calls) with the bench's feeds:
 *   cold: the first publish of a process (renders and writes everything),
 *   one change: one article gets a new revision, publish([id]),
 *   no change: publish([]) again,
 * each with the files rewritten (paths whose bytes changed); then what the publisher holds (heap and
 * external memory after a full GC, against the same process before it existed); and apart, a watcher's
 * first cycle as the publisher sees it: `newArticles` new full-length articles published at once.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ManualClock, MINUTE } from "../../src/clock.js";
import { parseConfig } from "../../src/config/load.js";
import { createLogger } from "../../src/log.js";
import { Store } from "../../src/store/store.js";
import { createPublisher } from "../../src/watch/publisher.js";
import { memory, serveCommands } from "./child.js";
import { benchConfigYaml } from "./config.js";
import { addRevision, buildHistory, buildNewArticles } from "./history.js";

export interface PublishFigures {
  articles: number;
  revisions: number;
  buildStoreMs: number;
  cold: { ms: number; files: number };
  oneChange: { ms: number; files: number; samples: number[] };
  noChange: { ms: number; files: number; samples: number[] };
  /** Held by the publisher after the rounds: heap and external (Buffers) growth since before it existed. */
  held: { heapMb: number; externalMb: number };
  /** The first publish after `articles` new articles (one full-length revision each). */
  newArticles: { articles: number; ms: number; files: number; perArticleMs: number };
  peakRssMb: number;
}

const gc = () => (globalThis as { gc?: () => void }).gc?.();
const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

function heldNow(): { heap: number; external: number } {
  gc();
  const m = process.memoryUsage();
  return { heap: m.heapUsed, external: m.external };
}

/** A fresh store of `count` new articles, published once by a fresh publisher. */
async function firstCycle(count: number): Promise<PublishFigures["newArticles"]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "revfeed-bench-publish-new-"));
  try {
    const config = parseConfig(
      benchConfigYaml("http://127.0.0.1:1/feed.rss", count, 16),
      path.join(dir, "revfeed.config.yaml"),
      dir,
    );
    const store = Store.open(config.stateDir);
    const clock = new ManualClock("2025-10-24T10:40:00.000Z");
    const ids = buildNewArticles(store, count, clock);
    const publisher = createPublisher(config, { store, clock, logger: createLogger("silent") });
    if (!publisher) throw new Error("the bench configuration publishes nothing");
    const t = performance.now();
    const files = await publisher.publish(ids);
    const ms = performance.now() - t;
    store.close();
    return { articles: count, ms, files: files.length, perArticleMs: ms / count };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function run(p: {
  articles: number;
  revisionsPerArticle: number;
  oneChangeRounds: number;
  newArticles?: number;
}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "revfeed-bench-publish-"));
  try {
    const config = parseConfig(
      benchConfigYaml("http://127.0.0.1:1/feed.rss", p.articles, 16),
      path.join(dir, "revfeed.config.yaml"),
      dir,
    );
    const store = Store.open(config.stateDir);
    const clock = new ManualClock("2025-10-24T10:40:00.000Z");
    const started = performance.now();
    const ids = buildHistory(store, p.articles, p.revisionsPerArticle, clock);
    const buildStoreMs = performance.now() - started;
    const revisions = (store.db.prepare("SELECT count(*) FROM revisions").pluck().get() as number) ?? 0;

    const before = heldNow();
    const publisher = createPublisher(config, { store, clock, logger: createLogger("silent") });
    if (!publisher) throw new Error("the bench configuration publishes nothing");
    const timed = async (changed: number[]) => {
      const t = performance.now();
      const files = await publisher.publish(changed);
      return { ms: performance.now() - t, files: files.length };
    };
    const cold = await timed([]);
    const oneChange: PublishFigures["oneChange"] = { ms: 0, files: 0, samples: [] };
    const noChange: PublishFigures["noChange"] = { ms: 0, files: 0, samples: [] };
    for (let round = 0; round < p.oneChangeRounds; round++) {
      // An article deep in the store (not in any feed yet) changes: it moves to the top of every feed.
      const id = ids[(round * 7919) % ids.length] as number;
      clock.advance(MINUTE);
      addRevision(store, id, p.revisionsPerArticle + round, clock.now().toISOString());
      const one = await timed([id]);
      oneChange.samples.push(one.ms);
      oneChange.files = Math.max(oneChange.files, one.files);
      const none = await timed([]);
      noChange.samples.push(none.ms);
      noChange.files = Math.max(noChange.files, none.files);
    }
    oneChange.ms = median(oneChange.samples);
    noChange.ms = median(noChange.samples);
    const after = heldNow();
    const held = { heapMb: mb(after.heap - before.heap), externalMb: mb(after.external - before.external) };
    store.close();
    const newArticles = await firstCycle(p.newArticles ?? 2_000);
    return {
      articles: p.articles,
      revisions,
      buildStoreMs,
      cold,
      oneChange,
      noChange,
      held,
      newArticles,
      peakRssMb: memory().peakRssMb,
    } satisfies PublishFigures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

serveCommands({ run });
