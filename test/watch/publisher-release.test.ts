import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ManualClock, MINUTE } from "../../src/clock.js";
import { parseConfig } from "../../src/config/load.js";
import { createLogger } from "../../src/log.js";
import type { PublishArticle } from "../../src/publish/index.js";
import { Store } from "../../src/store/store.js";
import { FeedDiffs, feedDiffKey } from "../../src/watch/feed-diffs.js";
import { createPublisher } from "../../src/watch/publisher.js";
import { newRevision } from "../support/new-revision.js";
import { useTempDir } from "../support/temp-dir.js";

/**
 * Between publishes the publisher's snapshots hold no revision text or diff: once everything is rendered
 * they let go of them, and read them again from the store, identical, if a later publish needs them.
 */

const handed: PublishArticle[][] = [];
let diffsRendered = 0;
vi.mock(import("../../src/watch/feed-diffs.js"), async (original) => {
  const real = await original();
  return {
    ...real,
    renderFeedDiff: ((change) => {
      diffsRendered++;
      return real.renderFeedDiff(change);
    }) as typeof real.renderFeedDiff,
  };
});
vi.mock(import("../../src/publish/index.js"), async (original) => {
  const real = await original();
  return {
    ...real,
    publishAll: (async (input, dir, deps) => {
      handed.push(input.articles);
      return real.publishAll(input, dir, deps);
    }) as typeof real.publishAll,
  };
});

const tempDir = useTempDir("revfeed-publisher-release-");
const stores: Store[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
  handed.length = 0;
  diffsRendered = 0;
});

const YAML = `baseUrl: http://localhost:8080
sources:
  - id: local
    url: http://127.0.0.1:1/feed.rss
publish:
  - name: all
    title: All
`;

function storeWithStory(dir: string, revisions: number) {
  const store = Store.open(path.join(dir, "state"));
  stores.push(store);
  const clock = new ManualClock("2025-10-24T10:00:00.000Z");
  const id = addStory(store, clock, 1, revisions);
  return { store, clock, id };
}

/** Article `n` with `revisions` revisions, each adding a paragraph; returns its id. */
function addStory(store: Store, clock: ManualClock, n: number, revisions: number): number {
  const { article } = store.upsertArticle(
    {
      key: `local/${n}`,
      url: `https://example.org/news/${n}.html`,
      sourceId: "local",
      siteId: String(n),
      lang: "ru",
      title: "Статья",
      publishedAt: null,
    },
    clock.now().toISOString(),
  );
  for (let i = 1; i <= revisions; i++) revise(store, clock, article.id);
  return article.id;
}

/** A revision that adds a paragraph to the article's latest, a minute after the last. */
function revise(store: Store, clock: ManualClock, id: number): void {
  clock.advance(MINUTE);
  const at = clock.now().toISOString();
  const seq = (store.latestRevision(id)?.seq ?? 0) + 1;
  const paragraphs = Array.from({ length: seq }, (_, i) => `Абзац ${i + 1}: <b>важное</b> дополнение.`);
  store.recordCheck(id, {
    revision: newRevision({
      observedAt: at,
      title: "Статья",
      paragraphs: paragraphs.map((text) => ({ text, html: `<p>${text}</p>` })),
      hash: `h${seq}`,
      developing: true,
      labels: seq === 1 ? ["new"] : ["appended"],
      wordsAdded: 3,
    }),
    article: { lastChangedAt: at, lastCheckedAt: at },
  });
}

describe("the publisher's snapshots after a publish", () => {
  it("hold no text or diff, and read them again from the store, identical", async () => {
    const dir = tempDir();
    const { store, clock, id } = storeWithStory(dir, 6);
    const config = parseConfig(YAML, path.join(dir, "revfeed.config.yaml"), dir);
    const publisher = createPublisher(config, { store, clock, logger: createLogger("silent") });
    const reads = vi.spyOn(store, "getRevision");

    await publisher?.publish([id]);
    const articles = handed.at(-1) ?? [];
    expect(articles).toHaveLength(1);
    const revisions = articles[0]?.revisions ?? [];
    expect(revisions).toHaveLength(6);
    const callsDuringPublish = reads.mock.calls.length;

    // Released: each read goes back to the store, and gives what the store's revision gives.
    const seen = revisions.map((r) => ({ paragraphs: r.paragraphsHtml, diff: r.diffHtml }));
    expect(reads.mock.calls.length).toBeGreaterThanOrEqual(callsDuringPublish + revisions.length);
    for (const [i, r] of revisions.entries()) {
      const stored = store.getRevision(id, r.seq);
      expect(seen[i]?.paragraphs).toEqual(stored?.paragraphs.map((p) => p.html));
      if (r.seq > 1) expect(seen[i]?.diff).toContain("дополнение");
      else expect(seen[i]?.diff).toBe("");
    }
  });
});

describe("the diffs the publisher shows", () => {
  it("are rendered only for entries that show them, and the checks' are dropped after each publish", async () => {
    const dir = tempDir();
    const { store, clock, id: a } = storeWithStory(dir, 6);
    const yaml = YAML.replace("title: All", "title: All\n    limit: 1");
    const config = parseConfig(yaml, path.join(dir, "revfeed.config.yaml"), dir);
    const feedDiffs = new FeedDiffs();
    const publisher = createPublisher(config, { store, clock, logger: createLogger("silent"), feedDiffs });
    await publisher?.publish([a]);
    expect(diffsRendered).toBe(5);

    // Another story takes the feeds' one place, then the first comes back with a seventh revision.
    const b = addStory(store, clock, 2, 2);
    await publisher?.publish([b]);
    expect(diffsRendered).toBe(6);
    revise(store, clock, a);
    feedDiffs.set(feedDiffKey(a, 7), "<p>OFFERED</p>");
    feedDiffs.set(feedDiffKey(b, 9), "<p>NOT SHOWN</p>");
    diffsRendered = 0;
    await publisher?.publish([a]);

    // Its six older entries come from its feed as written: their diffs are not rendered again.
    expect(diffsRendered).toBe(0);
    expect(handed.at(-1)?.[0]?.revisions).toHaveLength(7);
    expect(readFileSync(path.join(dir, "feeds", "all.revisions.atom"), "utf8")).toContain("OFFERED");
    expect(readFileSync(path.join(dir, "feeds", "articles", `${a}.atom`), "utf8")).toContain("OFFERED");
    expect(feedDiffs.size).toBe(0);
  });
});
