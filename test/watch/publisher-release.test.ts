import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ManualClock, MINUTE } from "../../src/clock.js";
import { parseConfig } from "../../src/config/load.js";
import { createLogger } from "../../src/log.js";
import type { PublishArticle } from "../../src/publish/index.js";
import { Store } from "../../src/store/store.js";
import { createPublisher } from "../../src/watch/publisher.js";
import { newRevision } from "../support/new-revision.js";
import { useTempDir } from "../support/temp-dir.js";

/**
 * Between publishes the publisher's snapshots hold no revision text or diff: once everything is rendered
 * they let go of them, and read them again from the store, identical, if a later publish needs them.
 */

const handed: PublishArticle[][] = [];
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
  const { article } = store.upsertArticle(
    {
      key: "local/1",
      url: "https://example.org/news/1.html",
      sourceId: "local",
      siteId: "1",
      lang: "ru",
      title: "Статья",
      publishedAt: null,
    },
    clock.now().toISOString(),
  );
  const paragraphs: string[] = [];
  for (let i = 1; i <= revisions; i++) {
    clock.advance(MINUTE);
    const at = clock.now().toISOString();
    paragraphs.push(`Абзац ${i}: <b>важное</b> дополнение.`);
    store.recordCheck(article.id, {
      revision: newRevision({
        observedAt: at,
        title: "Статья",
        paragraphs: paragraphs.map((text) => ({ text, html: `<p>${text}</p>` })),
        hash: `h${i}`,
        developing: i < revisions,
        labels: i === 1 ? ["new"] : ["appended"],
        wordsAdded: 3,
      }),
      article: { lastChangedAt: at, lastCheckedAt: at },
    });
  }
  return { store, clock, id: article.id };
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
