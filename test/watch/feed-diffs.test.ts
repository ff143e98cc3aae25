import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { MINUTE } from "../../src/clock.js";
import type { SourceConfig } from "../../src/config/schema.js";
import { diffRevisions } from "../../src/diff/index.js";
import type { Revision } from "../../src/model.js";
import { latestRevisionText } from "../../src/store/check-queries.js";
import type { WatchedArticle } from "../../src/store/store.js";
import { analysePage, type PageAnalysis, type PageInput } from "../../src/watch/analyse-page.js";
import { runCycle } from "../../src/watch/cycle.js";
import { FeedDiffs, feedDiffKey, renderFeedDiff } from "../../src/watch/feed-diffs.js";
import { createPublisher } from "../../src/watch/publisher.js";
import { NewsSite } from "../support/news-site.js";
import { seedStory } from "../support/seed.js";
import { useTempDir } from "../support/temp-dir.js";
import { type TestWatcher, testWatcher } from "../support/watcher.js";

/**
 * A check renders the feed diff of the revision it adds on the analysis side and leaves it for the
 * publisher. Those diffs must be exactly what the publisher renders from the store itself.
 */

const tempDir = useTempDir("revfeed-feed-diffs-");
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const seed = seedStory();
const PUBLISH = "publish:\n  - name: all\n    title: All\n";

async function siteAndWatcher(publish = PUBLISH): Promise<{ site: NewsSite; w: TestWatcher }> {
  const site = await new NewsSite({ layout: "trend" }).start();
  cleanups.push(() => site.stop());
  const w = testWatcher(
    tempDir(),
    `sources:\n  - id: local\n    url: ${site.feedUrl}\n    profile: trend\n    lang: ru\n${publish}`,
  );
  cleanups.push(() => w.close());
  for (const id of [101, 102]) {
    site.put({
      id,
      title: `Заседание министров ОТГ в Баку № ${id}`,
      paragraphs: [...seed.paragraphs.slice(0, 3), seed.marker],
      publishedAt: "2025-10-24T10:35:00Z",
    });
  }
  return { site, w };
}

/** Both stories edited: quotes, ampersands and a changed title in one, the marker gone from the other. */
function edit(site: NewsSite): void {
  site.update(101, {
    title: "Заседание министров ОТГ в Баку № 101 (ФОТО)",
    paragraphs: [...seed.paragraphs.slice(0, 2), 'Министр сказал: "R&D — это <главное>".', seed.marker],
  });
  site.update(102, { paragraphs: seed.paragraphs.slice(0, 5) });
}

function recomputed(previous: Revision, current: Revision): string {
  const text = (r: Revision) => ({
    title: r.title,
    paragraphs: r.paragraphs.map((p) => p.text),
    developing: r.developing,
  });
  return renderFeedDiff(diffRevisions(text(previous), text(current), { revertOf: current.revertOf }));
}

function files(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
    if (name.endsWith(".atom") || name.endsWith(".rss") || name.endsWith(".json"))
      out.set(name, readFileSync(path.join(dir, name), "utf8"));
  }
  return out;
}

describe("feed diffs rendered by the checks", () => {
  it("are left for each revision a check adds, equal to the diff of the stored revisions", async () => {
    const { site, w } = await siteAndWatcher();
    const diffs = w.context.feedDiffs as FeedDiffs;
    await runCycle(w.context, { poll: true });
    expect(diffs.size).toBe(0);

    edit(site);
    w.clock.advance(2 * MINUTE);
    const cycle = await runCycle(w.context, { poll: false });
    expect(cycle.revisions).toBe(2);
    for (const article of w.store.listArticles()) {
      const [first, second] = w.store.listRevisions(article.id) as [Revision, Revision];
      const offered = diffs.get(feedDiffKey(article.id, 2));
      expect(offered).toBeDefined();
      expect(offered).toBe(recomputed(first, second));
    }
  });

  it("are rendered only when asked for, and a watcher without feeds does not ask", async () => {
    const { site, w } = await siteAndWatcher("");
    expect(w.context.feedDiffs).toBeUndefined();
    await runCycle(w.context, { poll: true });
    const article = w.store.listArticles()[0] as WatchedArticle;
    const stored = latestRevisionText(w.store.db, article.id);
    edit(site);
    const input: PageInput = {
      html: await (await fetch(article.url)).text(),
      url: article.url,
      source: w.config.sources[0] as SourceConfig,
      articleLang: "ru",
      previous: stored,
      knownHashes: [],
      minLengthRatio: 0.35,
    };
    const diffOf = (a: PageAnalysis) => (a.kind === "changed" ? a.diffHtml : "not changed");
    expect(diffOf(analysePage(w.context.stages, input))).toBeNull();
    expect(diffOf(analysePage(w.context.stages, { ...input, feedDiff: true }))).toContain("<ins");
  });

  it("are what the publisher shows, and its feeds are a fresh publisher's, byte for byte", async () => {
    const { site, w } = await siteAndWatcher();
    await w.worker.runOnce({ poll: true });
    edit(site);
    w.clock.advance(2 * MINUTE);
    const report = await w.worker.runOnce({ poll: false });
    expect(report.revisions).toBe(2);

    // A publisher given a different diff for one revision shows that one: offered diffs are used.
    const [article] = w.store.listArticles();
    const planted = new FeedDiffs();
    planted.set(feedDiffKey(article?.id ?? 0, 2), '<p style="margin:0">PLANTED</p>');
    const plantedDir = path.join(w.dir, "planted");
    const deps = { store: w.store, clock: w.clock, logger: w.context.logger };
    const config = (feedsDir: string) => ({ ...w.config, feedsDir });
    await createPublisher(config(plantedDir), { ...deps, feedDiffs: planted })?.publish([]);
    expect(files(plantedDir).get("all.atom")).toContain("PLANTED");

    const freshDir = path.join(w.dir, "fresh");
    await createPublisher(config(freshDir), deps)?.publish([]);
    const published = files(path.join(w.dir, "feeds"));
    expect(published.get("all.atom")).toContain("R&amp;");
    expect(published).toEqual(files(freshDir));
  });
});
