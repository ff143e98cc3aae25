import { afterEach, describe, expect, it } from "vitest";
import { NewsSite } from "../support/news-site.js";
import { seedStory } from "../support/seed.js";
import { useTempDir } from "../support/temp-dir.js";
import { testWatcher } from "../support/watcher.js";

const tempDir = useTempDir("revfeed-disabled-source-");
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const P = seedStory().paragraphs;

describe("a cycle after a source was disabled", () => {
  it("checks only the enabled source's articles, and the others stay stored", async () => {
    const sites = [
      await new NewsSite({ layout: "trend" }).start(),
      await new NewsSite({ layout: "trend" }).start(),
    ];
    for (const site of sites) cleanups.push(() => site.stop());
    sites.forEach((site, s) => {
      for (let i = 1; i <= 3; i++) {
        site.put({
          id: s * 10 + i,
          title: `Новость ${s}-${i}`,
          paragraphs: P.slice(i, i + 3),
          publishedAt: "2025-10-24T10:00:00Z",
        });
      }
    });
    const dir = tempDir();
    const yaml = (bEnabled: boolean) => `sources:
  - { id: a, url: "${sites[0]?.feedUrl}", profile: trend, lang: ru }
  - { id: b, url: "${sites[1]?.feedUrl}", profile: trend, lang: ru, enabled: ${bEnabled} }
`;
    const both = testWatcher(dir, yaml(true));
    const first = await both.worker.runOnce({ poll: true });
    expect(first.revisions).toBe(6);
    await both.close();

    const onlyA = testWatcher(dir, yaml(false));
    cleanups.push(() => onlyA.close());
    for (const site of sites) site.takeRequests();
    const again = await onlyA.worker.runOnce({ poll: false, recheckAll: true });
    expect(Object.values(again.checks).reduce((a, b) => a + b, 0)).toBe(3);
    expect(sites[0]?.takeRequests()).toHaveLength(3);
    expect(sites[1]?.takeRequests()).toEqual([]);
    expect(onlyA.store.listArticles()).toHaveLength(6);
  });
});
