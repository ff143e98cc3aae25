import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { forgetCleaned } from "../../src/publish/content.js";
import type { PublishArticle, PublishRevision, PublishSite } from "../../src/publish/input.js";
import {
  createRenderCache,
  type PublishInput,
  publishAll,
  renderAll,
} from "../../src/publish/publish-all.js";
import { seeded } from "../support/seeded-random.js";
import { useTempDir } from "../support/temp-dir.js";
import { filesOnDisk } from "./cached-publish.js";
import { feedConfig, plainArticle, revision, site } from "./factory.js";

/**
 * A changed article's own feed takes its older entries from the file written last time (article-reuse.ts),
 * and the revisions feeds keep them (entries.ts). Whatever is taken or kept, every file must be byte for
 * byte what a full render of the same input gives.
 */

const tempDir = useTempDir("revfeed-article-reuse-");

/** Feeds that show one article and one revision: older revisions are only in the article's own feed. */
function narrowFeeds(s: PublishSite, articles: PublishArticle[]): PublishInput {
  return { site: s, feeds: [feedConfig({ limit: 1, includeMinor: true })], articles };
}

/** Revision `seq` of a growing story, its text and diff reads counted by seq. */
function countedRevision(
  seq: number,
  reads: Map<number, number>,
  removed = false,
  overrides: Partial<PublishRevision> = {},
): PublishRevision {
  const rev = revision({
    seq,
    observedAt: new Date(Date.UTC(2025, 9, 24, 6, seq * 5)).toISOString(),
    title: `Заседание министров ОТГ: обновление ${seq}`,
    paragraphsHtml: removed
      ? []
      : Array.from({ length: seq }, (_, i) => `<p>Абзац ${i + 1} версии ${seq}: ТМҰ &amp; TDT.</p>`),
    labels: seq === 1 ? ["new"] : ["appended"],
    wordsAdded: seq * 3,
    event: removed ? "removed" : null,
    diffHtml: seq === 1 || removed ? "" : `<p><ins>[+ Абзац ${seq} +]</ins></p>`,
    ...overrides,
  });
  const { paragraphsHtml, diffHtml, ...rest } = rev;
  const count = () => reads.set(seq, (reads.get(seq) ?? 0) + 1);
  return {
    ...rest,
    get paragraphsHtml() {
      count();
      return paragraphsHtml;
    },
    get diffHtml() {
      count();
      return diffHtml;
    },
  };
}

/** The story with its first `count` revisions: a new snapshot object, the same revision objects. */
function storyWith(
  revisions: PublishRevision[],
  count: number,
  overrides: Partial<PublishArticle> = {},
  window = Number.POSITIVE_INFINITY,
) {
  // Newest first, at most `window` of them, as the publisher's snapshot holds at most 50.
  const shown = revisions.slice(0, count).reverse().slice(0, window);
  const latest = shown[0] as PublishRevision;
  return {
    id: 41,
    url: "https://ru.trend.az/business/4116041.html",
    title: latest.title,
    lang: "ru",
    sourceId: "trend-ru",
    status: "developing",
    tags: ["ots"],
    publishedAt: null,
    firstSeenAt: revisions[0]?.observedAt ?? latest.observedAt,
    updatedAt: latest.observedAt,
    removedAt: null,
    revisions: shown,
    ...overrides,
  } satisfies PublishArticle;
}

/**
 * What a full render gives. It leaves no sanitized text behind (a memo keyed by revision), so that reads
 * counted afterwards are the cached publisher's own.
 */
function fullRender(inp: PublishInput) {
  const files = renderAll(inp);
  forgetCleaned(inp.articles);
  return files;
}

async function publishAndCompare(inp: PublishInput, dir: string, cache = createRenderCache()) {
  await publishAll(inp, dir, { cache });
  const onDisk = filesOnDisk(dir);
  for (const f of fullRender(inp)) expect(onDisk.get(f.path), f.path).toBe(f.content);
  return cache;
}

const ARTICLE_FEED = "articles/41.atom";

describe("an article feed's older entries taken from its last file", () => {
  it("reads no older revision again when the article gains one, and writes what a full render gives", async () => {
    const dir = tempDir();
    const s = site();
    const reads = new Map<number, number>();
    const revisions = Array.from({ length: 8 }, (_, i) => countedRevision(i + 1, reads));
    const cache = createRenderCache();
    await publishAndCompare(narrowFeeds(s, [storyWith(revisions, 1)]), dir, cache);
    for (let count = 2; count <= 8; count++) {
      reads.clear();
      await publishAll(narrowFeeds(s, [storyWith(revisions, count)]), dir, { cache });
      const older = [...reads].filter(([seq]) => seq < count);
      expect(older, `publish with ${count} revisions`).toEqual([]);
      expect(reads.get(count), "the new revision is rendered").toBeGreaterThan(0);
      const expected = fullRender(narrowFeeds(s, [storyWith(revisions, count)]));
      const onDisk = filesOnDisk(dir);
      for (const f of expected) expect(onDisk.get(f.path), `${f.path} at ${count}`).toBe(f.content);
    }
  });

  it("keeps the older revisions' entries the revisions feed shows, however often the article changes", async () => {
    const dir = tempDir();
    const s = site();
    const reads = new Map<number, number>();
    const revisions = Array.from({ length: 6 }, (_, i) => countedRevision(i + 1, reads));
    // Every revision is in the revisions feed (limit 100) and in the article's own feed.
    const wide = (articles: PublishArticle[]): PublishInput => ({
      site: s,
      feeds: [feedConfig({ includeMinor: true })],
      articles,
    });
    const cache = createRenderCache();
    await publishAndCompare(wide([storyWith(revisions, 1)]), dir, cache);
    for (let count = 2; count <= 6; count++) {
      reads.clear();
      await publishAll(wide([storyWith(revisions, count)]), dir, { cache });
      expect(
        [...reads].filter(([seq]) => seq < count),
        `publish with ${count} revisions`,
      ).toEqual([]);
      const onDisk = filesOnDisk(dir);
      for (const f of fullRender(wide([storyWith(revisions, count)])))
        expect(onDisk.get(f.path), `${f.path} at ${count}`).toBe(f.content);
    }
  });

  it("renders every entry again once the title, tags, URL or language an entry shows moved", async () => {
    const s = site();
    const moves: Partial<PublishArticle>[] = [
      { title: "" },
      { tags: [] },
      { url: "https://ru.trend.az/business/4116041-new.html" },
      { lang: "az" },
    ];
    for (const move of moves) {
      const dir = tempDir();
      const reads = new Map<number, number>();
      const revisions = [1, 2, 3].map((seq) => countedRevision(seq, reads));
      // An empty revision title falls back to the article's: the move must show in older entries too.
      revisions[0] = countedRevision(1, reads, false, { title: "" });
      const cache = await publishAndCompare(narrowFeeds(s, [storyWith(revisions, 2)]), dir);
      reads.clear();
      await publishAndCompare(narrowFeeds(s, [storyWith(revisions, 3, move)]), dir, cache);
      expect(reads.get(1), JSON.stringify(move)).toBeGreaterThan(0);
    }
  });

  it("does not take entries from a file that is no longer the one it wrote", async () => {
    const dir = tempDir();
    const s = site();
    const reads = new Map<number, number>();
    const revisions = [1, 2, 3].map((seq) => countedRevision(seq, reads));
    const cache = await publishAndCompare(narrowFeeds(s, [storyWith(revisions, 2)]), dir);
    const file = path.join(dir, ARTICLE_FEED);
    // Same length, other bytes: only the digest tells.
    writeFileSync(file, readFileSync(file, "utf8").replace("Абзац 1 версии 1", "Абзац 9 версии 9"));
    reads.clear();
    await publishAndCompare(narrowFeeds(s, [storyWith(revisions, 3)]), dir, cache);
    expect(reads.get(1)).toBeGreaterThan(0);
  });

  it("matches a full render over random histories with removals, moves and other articles", async () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const random = seeded(seed);
      // A sliding window moves what a removal entry shows (the last text before it) without a new id.
      const window = seed % 2 === 0 ? 2 + (seed % 3) : Number.POSITIVE_INFINITY;
      const dir = tempDir();
      const s = site({ hub: seed % 2 === 0 ? "https://hub.example.org/" : undefined });
      const reads = new Map<number, number>();
      const revisions: PublishRevision[] = [countedRevision(1, reads)];
      let overrides: Partial<PublishArticle> = {};
      const cache = createRenderCache();
      const feeds = [
        feedConfig({ limit: 1 + Math.floor(random() * 3), includeMinor: random() < 0.5 }),
        feedConfig({ name: "ots", title: "OTS", tags: ["ots"], limit: 2 }),
      ];
      for (let step = 0; step < 16; step++) {
        const roll = random();
        if (roll < 0.6) revisions.push(countedRevision(revisions.length + 1, reads, random() < 0.3));
        else if (roll < 0.75) overrides = { ...overrides, tags: random() < 0.5 ? [] : ["ots"] };
        else if (roll < 0.85) overrides = { ...overrides, title: `Заголовок ${step}` };
        else if (roll < 0.95 && step > 0) {
          // Someone else's bytes in the file, then a new revision: the cache must not trust the file.
          const file = path.join(dir, ARTICLE_FEED);
          writeFileSync(file, `${readFileSync(file, "utf8")}\n`);
          revisions.push(countedRevision(revisions.length + 1, reads));
        }
        const inp = {
          site: s,
          feeds,
          articles: [storyWith(revisions, revisions.length, overrides, window), plainArticle()],
        };
        await publishAll(inp, dir, { cache });
        const onDisk = filesOnDisk(dir);
        for (const f of fullRender(inp))
          expect(onDisk.get(f.path), `seed ${seed}, step ${step}: ${f.path}`).toBe(f.content);
      }
    }
  });
});
