import { describe, expect, it } from "vitest";
import { revisionEntry } from "../../src/publish/build.js";
import type { PublishArticle } from "../../src/publish/input.js";
import { createRenderCache, publishAll, renderAll } from "../../src/publish/publish-all.js";
import { useTempDir } from "../support/temp-dir.js";
import { filesOnDisk, twoFeeds } from "./cached-publish.js";
import { hostileArticle, plainArticle, site, storyAt } from "./factory.js";

/**
 * Between publishes the render cache keeps the feeds' entries rendered, and nothing else of the revisions:
 * no entry content, no sanitized text. Whatever it let go is made again, with the same bytes, when needed.
 */

const tempDir = useTempDir("revfeed-release-");

const input = twoFeeds;

/** The article with every read of a revision's text or diff counted. */
function counted(article: PublishArticle, reads: { n: number }): PublishArticle {
  return {
    ...article,
    revisions: article.revisions.map((r) => {
      const { paragraphsHtml, diffHtml, ...rest } = r;
      return {
        ...rest,
        get paragraphsHtml() {
          reads.n++;
          return paragraphsHtml;
        },
        get diffHtml() {
          reads.n++;
          return diffHtml;
        },
      };
    }),
  };
}

describe("what the render cache keeps between publishes", () => {
  it("keeps the shown entries without their content, and makes it again identically when read", async () => {
    const dir = tempDir();
    const cache = createRenderCache();
    const s = site();
    const reads = { n: 0 };
    const quiet = [counted(plainArticle(), reads), counted(hostileArticle(), reads)];
    await publishAll(input(s, [storyAt(6), ...quiet]), dir, { cache });
    expect(reads.n).toBeGreaterThan(0);

    reads.n = 0;
    let checked = 0;
    for (const [article, kept] of cache.entries.byArticle) {
      if (!quiet.includes(article)) continue;
      for (const [rev, entry] of kept.revisions) {
        // Released: reading the content makes it again from the revision, sanitizing it again.
        const before = reads.n;
        expect(entry.contentHtml).toBe(revisionEntry(s, article, rev).contentHtml);
        expect(reads.n).toBeGreaterThan(before);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("reads no text of an unchanged article again, and writes what a full render gives", async () => {
    const dir = tempDir();
    const cache = createRenderCache();
    const s = site();
    const reads = { n: 0 };
    const quiet = [counted(plainArticle(), reads), counted(hostileArticle(), reads)];
    await publishAll(input(s, [storyAt(1), ...quiet]), dir, { cache });
    reads.n = 0;
    for (const seq of [2, 3, 4, 5, 6]) {
      const inp = input(s, [storyAt(seq), ...quiet]);
      await publishAll(inp, dir, { cache });
      expect(reads.n, `rev ${seq}`).toBe(0);
      const onDisk = filesOnDisk(dir);
      for (const f of renderAll(inp))
        expect(onDisk.get(f.path), `${f.path} after rev ${seq}`).toBe(f.content);
      reads.n = 0; // the full render above read everything
    }
    // A new site object renders every entry again, from the same released snapshots: same bytes.
    const again = input({ ...s }, [storyAt(6), ...quiet]);
    expect((await publishAll(again, dir, { cache })).changed).toEqual([]);
    expect(reads.n).toBeGreaterThan(0);
  });
});
