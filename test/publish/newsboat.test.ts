import { writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { publishAll } from "../../src/publish/publish-all.js";
import { useTempDir } from "../support/temp-dir.js";
import { feedConfig, site, storyAt } from "./factory.js";
import { newsboatReload } from "./tools.js";

const tempDir = useTempDir("revfeed-newsboat-");

interface CachedItem {
  guid: string;
  title: string;
  url: string;
}

/** A subscriber: newsboat with its own cache, polling one feed file after every publish. */
function subscriber(feedFile: string) {
  const home = tempDir();
  const urls = path.join(home, "urls");
  const config = path.join(home, "config");
  const cache = path.join(home, "cache.db");
  writeFileSync(urls, `file://${feedFile}\n`);
  writeFileSync(config, "");
  return {
    poll: () => newsboatReload(home, urls, cache, config),
    items(): CachedItem[] {
      const db = new Database(cache, { readonly: true });
      try {
        return db.prepare("SELECT guid, title, url FROM rss_item ORDER BY id").all() as CachedItem[];
      } finally {
        db.close();
      }
    },
  };
}

const id = (rest: string) => `tag:revfeed.example.org,2025:article/7${rest}`;

describe("newsboat, polling after every revision of the story", () => {
  it.each(["atom", "rss"])("keeps each revision as its own item in the %s revisions feed", async (ext) => {
    const dir = tempDir();
    const reader = subscriber(path.join(dir, `ots.revisions.${ext}`));
    const current = subscriber(path.join(dir, `ots.${ext}`));
    for (let seq = 1; seq <= 6; seq++) {
      await publishAll(
        {
          site: site(),
          feeds: [feedConfig({ name: "ots", title: "OTS", tags: ["ots"] })],
          articles: [storyAt(seq)],
        },
        dir,
      );
      reader.poll();
      current.poll();
    }
    const items = reader.items();
    // rev 4 is typography-only and left out; every other revision stayed, none replaced another.
    expect(items.map((i) => i.guid).sort()).toEqual(
      [id("/rev/1"), id("/rev/2"), id("/rev/3"), id("/rev/5"), id("/rev/6")].sort(),
    );
    expect(items.find((i) => i.guid === id("/rev/2"))?.title).toBe(
      "[rev 2 \u00b7 appended +120 words] В Баку проходит заседание министров ОТГ",
    );
    expect(items.find((i) => i.guid === id("/rev/6"))?.title).toMatch(/^\[rev 6 · article removed\]/);
    expect(new Set(items.map((i) => i.url)).size).toBe(items.length);
    // The current-state feed is one item, updated in place, ending with the removal.
    const state = current.items();
    expect(state.map((i) => i.guid)).toEqual([id("")]);
    expect(state[0]?.title).toBe("[removed] В Баку проходит второе заседание министров ОТГ");
  });
});
