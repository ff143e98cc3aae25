import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ManualClock, MINUTE } from "../../src/clock.js";
import { runRevfeed } from "../support/cli.js";
import { NewsSite } from "../support/news-site.js";
import { seedStory } from "../support/seed.js";
import { useTempDir } from "../support/temp-dir.js";

const tempDir = useTempDir();
const sites: NewsSite[] = [];
afterEach(async () => {
  for (const s of sites.splice(0)) await s.stop();
});

const seed = seedStory();

async function setup() {
  const dir = tempDir();
  const site = await new NewsSite({ layout: "trend" }).start();
  sites.push(site);
  writeFileSync(
    path.join(dir, "revfeed.config.yaml"),
    [
      "baseUrl: http://feeds.example.test",
      "fetch:\n  allowPrivateNetworks: true\n  perHostDelayMs: 0",
      `sources:\n  - id: local\n    url: ${site.feedUrl}\n    profile: trend\n    lang: ru`,
      "publish:\n  - name: ots\n    title: OTS\n    tags: [ots]",
    ].join("\n"),
  );
  const clock = new ManualClock("2025-10-24T10:40:00.000Z");
  const run = (...argv: string[]) => runRevfeed(argv, { cwd: dir, clock });
  return { dir, site, clock, run };
}

describe("revfeed CLI", () => {
  it("exits 2 and names the key for an invalid configuration", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "bad.yaml"), "sources:\n  - id: x\n    url: not a url\n");
    const result = await runRevfeed(["articles", "--config", "bad.yaml"], {
      cwd: dir,
      clock: new ManualClock(0),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/bad\.yaml: sources\.0\.url: an http\(s\) URL/);
  });

  it("exits 2 on usage errors", async () => {
    const dir = tempDir();
    expect((await runRevfeed(["frobnicate"], { cwd: dir, clock: new ManualClock(0) })).code).toBe(2);
    expect((await runRevfeed(["history"], { cwd: dir, clock: new ManualClock(0) })).code).toBe(2);
  });

  it("captures a story with once, then shows articles, history and diffs", async () => {
    const { dir, site, clock, run } = await setup();
    site.put({
      id: 4108303,
      title: "Заседание министров ОТГ",
      paragraphs: [...seed.paragraphs.slice(0, 3), seed.marker],
      publishedAt: "2025-10-24T10:35:00Z",
    });
    const first = await run("once");
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Polled 1 of 1 sources \(1 items, 1 new articles\)/);
    expect(first.stdout).toMatch(/stored 1 new revisions/);

    site.update(4108303, { paragraphs: [...seed.paragraphs.slice(0, 5), seed.marker] });
    clock.advance(2 * MINUTE);
    expect((await run("once")).stdout).toMatch(/stored 1 new revisions/);
    site.update(4108303, { paragraphs: seed.paragraphs.slice(0, 5) });
    clock.advance(2 * MINUTE);
    await run("once", "--recheck");

    const articles = JSON.parse((await run("articles", "--json")).stdout);
    expect(articles.articles).toHaveLength(1);
    expect(articles.articles[0]).toMatchObject({ status: "final", revisionCount: 3, siteId: "4108303" });
    expect(articles.articles[0].tags).toContain("ots");

    const history = JSON.parse((await run("history", "4108303", "--json")).stdout);
    expect(history.revisions.map((r: { seq: number; developing: boolean }) => [r.seq, r.developing])).toEqual(
      [
        [1, true],
        [2, true],
        [3, false],
      ],
    );
    expect(Object.keys(history.revisions[0])).toEqual(
      expect.arrayContaining(["seq", "observedAt", "title", "hash", "developing"]),
    );
    const byUrl = await run("history", site.articleUrl({ id: 4108303 }));
    expect(byUrl.stdout).toMatch(/rev 2 .*appended/);

    const diff = await run("diff", "4108303", "--format", "json");
    expect(JSON.parse(diff.stdout).labels).toContain("marker-removed");
    const text = await run("diff", "4108303", "--from", "1", "--to", "2");
    expect(text.stdout).toContain(seed.paragraphs[3]?.slice(0, 30));
    expect(text.stdout).not.toContain("\u001b[");
    // A terminal gets colors; NO_COLOR and --no-color turn them off.
    const tty = (env: NodeJS.ProcessEnv, ...extra: string[]) =>
      runRevfeed(["diff", "4108303", ...extra], { cwd: dir, clock, env, isTTY: true });
    expect((await tty({})).stdout).toContain("\u001b[");
    expect((await tty({ NO_COLOR: "1" })).stdout).not.toContain("\u001b[");
    expect((await tty({}, "--no-color")).stdout).not.toContain("\u001b[");
  });

  it("exits 1 with one line for an unknown article or revision", async () => {
    const { site, run } = await setup();
    site.put({
      id: 9,
      title: "Заседание министров ОТГ",
      paragraphs: seed.paragraphs.slice(0, 3),
      publishedAt: "2025-10-24T10:35:00Z",
    });
    await run("once");
    const unknown = await run("history", "12345");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim().split("\n")).toHaveLength(1);
    const badRev = await run("diff", "9", "--from", "1", "--to", "7");
    expect(badRev.code).toBe(1);
    expect(badRev.stderr).toMatch(/no revision 7/);
  });

  it("tags text from standard input and explains it as JSON", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "revfeed.config.yaml"), "sources: []\n");
    const result = await runRevfeed(["tag", "-", "--json"], {
      cwd: dir,
      clock: new ManualClock(0),
      stdin: "Генеральный секретарь Организации тюркских государств выступил в Баку.",
    });
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout);
    const ots = parsed.tags.find((t: { tag: string }) => t.tag === "ots");
    expect(ots.evidence[0]).toMatchObject({
      match: expect.stringMatching(/^Организации тюркских государств/),
    });
    expect(typeof ots.evidence[0].start).toBe("number");
  });

  it("takes user tag rules from the config file and reports a bad rule with exit status 2", async () => {
    const dir = tempDir();
    writeFileSync(
      path.join(dir, "revfeed.config.yaml"),
      "tags:\n  rules:\n    - tag: caspian\n      names: ['каспи\\p{L}*']\n",
    );
    const ok = await runRevfeed(["tag", "--json"], {
      cwd: dir,
      clock: new ManualClock(0),
      stdin: "Порты Каспийского моря",
    });
    expect(JSON.parse(ok.stdout).tags.map((t: { tag: string }) => t.tag)).toEqual(["caspian"]);
    writeFileSync(
      path.join(dir, "bad.yaml"),
      "tags:\n  rules:\n    - tag: broken\n      names: ['(unclosed']\n",
    );
    const bad = await runRevfeed(["tag", "--config", "bad.yaml"], {
      cwd: dir,
      clock: new ManualClock(0),
      stdin: "x",
    });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/broken/);
  });
});
