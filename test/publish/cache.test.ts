import { mkdirSync, readdirSync, rmSync, statSync, utimesSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createRenderCache, publishAll, renderAll } from "../../src/publish/publish-all.js";
import { useTempDir } from "../support/temp-dir.js";
import { filesOnDisk, twoFeeds } from "./cached-publish.js";
import { hostileArticle, plainArticle, site, storyAt } from "./factory.js";

/**
 * A long-running publisher renders through a RenderCache: only documents whose snapshots changed, from
 * entries rendered once. Whatever it skips, the files on disk must be exactly what a full render gives.
 */

const tempDir = useTempDir("revfeed-cache-");
const OLD = new Date("2020-01-01T00:00:00Z");

const input = twoFeeds;

function ageAll(dir: string): void {
  for (const name of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
    utimesSync(path.join(dir, name), OLD, OLD);
  }
}

function touched(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => statSync(path.join(dir, name)).isFile())
    .filter((name) => statSync(path.join(dir, name)).mtimeMs !== OLD.getTime())
    .map((name) => name.split(path.sep).join("/"))
    .sort();
}

describe("publishing through the render cache", () => {
  it("writes, step after step, exactly what a full render of the same snapshots gives", async () => {
    const dir = tempDir();
    const cache = createRenderCache();
    const s = site({ hub: "https://hub.example.org/" });
    const plain = plainArticle();
    const hostile = hostileArticle();
    let before = new Map<string, string>();
    for (const seq of [1, 2, 3, 4, 5, 6]) {
      // The quiet articles keep their snapshot objects, as the publisher keeps them; the story is new.
      const inp = input(s, [storyAt(seq), plain, hostile]);
      ageAll(dir);
      const { changed } = await publishAll(inp, dir, { cache });
      const expected = new Map(renderAll(inp).map((f) => [f.path, f.content]));
      const onDisk = filesOnDisk(dir);
      for (const [file, content] of expected)
        expect(onDisk.get(file), `${file} after rev ${seq}`).toBe(content);
      // Reported as changed: exactly the files whose bytes moved, and only those were touched.
      const moved = [...expected].filter(([file, content]) => before.get(file) !== content).map(([f]) => f);
      expect([...changed].sort(), `rev ${seq}`).toEqual(moved.sort());
      expect(touched(dir), `rev ${seq}`).toEqual(moved.sort());
      before = onDisk;
    }
  });

  it("rewrites nothing for the same snapshots, nor for new but equal ones", async () => {
    const dir = tempDir();
    const cache = createRenderCache();
    const s = site();
    const same = input(s, [storyAt(6), plainArticle()]);
    expect((await publishAll(same, dir, { cache })).changed.length).toBeGreaterThan(0);
    ageAll(dir);
    expect((await publishAll(same, dir, { cache })).changed).toEqual([]);
    // Equal snapshots in new objects are rendered again, found equal by digest and left alone.
    expect((await publishAll(input(s, [storyAt(6), plainArticle()]), dir, { cache })).changed).toEqual([]);
    expect(touched(dir)).toEqual([]);
  });

  it("keeps digests of the files, not their contents", async () => {
    const dir = tempDir();
    const cache = createRenderCache();
    await publishAll(input(site(), [storyAt(6), plainArticle(), hostileArticle()]), dir, { cache });
    expect(cache.onDisk.size).toBe(filesOnDisk(dir).size);
    for (const digest of cache.onDisk.values()) expect(digest.length).toBeLessThan(40);
  });

  it("a publish that failed to write is done again by the next one", async () => {
    const dir = tempDir();
    const cache = createRenderCache();
    const s = site();
    const plain = plainArticle();
    await publishAll(input(s, [storyAt(2), plain]), dir, { cache });
    const blocked = path.join(dir, "all.atom");
    rmSync(blocked);
    mkdirSync(blocked); // a folder where the feed goes: its rename fails
    const next = input(s, [storyAt(3), plain]);
    await expect(publishAll(next, dir, { cache })).rejects.toThrow(/all\.atom/);
    rmSync(blocked, { recursive: true });
    const { changed } = await publishAll(next, dir, { cache });
    expect(changed).toContain("all.atom");
    const expected = new Map(renderAll(next).map((f) => [f.path, f.content]));
    const onDisk = filesOnDisk(dir);
    for (const [file, content] of expected) expect(onDisk.get(file), file).toBe(content);
  });
});
