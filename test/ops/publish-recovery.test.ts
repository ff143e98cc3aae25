import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { MINUTE } from "../../src/clock.js";
import { NewsSite } from "../support/news-site.js";
import { seedStory } from "../support/seed.js";
import { useTempDir } from "../support/temp-dir.js";
import { type TestWatcher, testWatcher } from "../support/watcher.js";
import { expectFeedsValid } from "./fault-rig.js";

/**
 * Feeds must catch up with the store by themselves: after a process died between committing a revision
 * and publishing it, and after a publish that failed, even when no story changes afterwards.
 */

const tempDir = useTempDir("revfeed-publish-");
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const seed = seedStory();

async function setup(): Promise<{ site: NewsSite; dir: string; start: () => TestWatcher }> {
  const site = await new NewsSite({ layout: "trend" }).start();
  cleanups.push(() => site.stop());
  site.put({
    id: 1,
    title: "Министры ОТГ",
    paragraphs: seed.paragraphs.slice(0, 4),
    publishedAt: "2025-10-24T10:00:00Z",
  });
  const dir = tempDir();
  const yaml = `sources:\n  - id: local\n    url: ${site.feedUrl}\n    profile: trend\npublish:\n  - name: all\n    title: All\n`;
  const start = () => {
    const w = testWatcher(dir, yaml);
    cleanups.push(() => w.close());
    return w;
  };
  return { site, dir, start };
}

describe("feeds catch up with the store", () => {
  it("a restarted worker republishes what a killed one committed but never published", async () => {
    const { dir, start } = await setup();
    const first = start();
    await first.worker.runOnce({ poll: true });
    // As if the process died right after the commit: the revision is stored, the feeds were never written.
    rmSync(path.join(dir, "feeds"), { recursive: true, force: true });
    await first.close();
    const second = start();
    const report = await second.worker.runOnce({ poll: true });
    expect(report.revisions).toBe(0);
    expect(report.published.length).toBeGreaterThan(0);
    expect(expectFeedsValid(dir)).toContain("all.atom");
  });

  it("a failed publish is retried by the next cycle even when nothing changed", async () => {
    const { site, dir, start } = await setup();
    const feeds = path.join(dir, "feeds");
    const w = start();
    await w.worker.runOnce({ poll: true });
    // A story changes while the feeds folder cannot be written (a file is in its way).
    const added = "Министры подписали итоговый протокол заседания.";
    site.update(1, { paragraphs: [...seed.paragraphs.slice(0, 4), added] });
    renameSync(feeds, `${feeds}.away`);
    writeFileSync(feeds, "a file where the feeds folder should be");
    w.clock.advance(20 * MINUTE);
    const failed = await w.worker.runOnce({ poll: true });
    expect(failed.revisions).toBe(1);
    expect(w.logs.some((l) => l.kind === "publish" && l.level === 50)).toBe(true);
    rmSync(feeds);
    renameSync(`${feeds}.away`, feeds);
    w.clock.advance(MINUTE);
    const retried = await w.worker.runOnce({ poll: true });
    expect(retried.revisions).toBe(0);
    expect(readFileSync(path.join(feeds, "all.atom"), "utf8")).toContain(added);
    expectFeedsValid(dir);
  });
});

describe("temp files of an interrupted publish", () => {
  it("are removed when a publisher starts, unless their writer is still alive", async () => {
    const { dir, start } = await setup();
    const feeds = path.join(dir, "feeds");
    mkdirSync(path.join(feeds, "articles"), { recursive: true });
    // pid 2^22+1 is above Linux's pid_max: never a live process.
    const dead = [".all.atom.4194305.3.tmp", "articles/.1.json.4194305.9.tmp"];
    const live = `.all.rss.${process.pid}.1.tmp`;
    for (const name of [...dead, live]) writeFileSync(path.join(feeds, name), "<feed><entry>half");
    const w = start();
    expect(
      w.logs.some((l) => l.msg === "removed temp files left by an interrupted publish" && l.files === 2),
    ).toBe(true);
    for (const name of dead) expect(existsSync(path.join(feeds, name))).toBe(false);
    expect(existsSync(path.join(feeds, live))).toBe(true);
  });
});
