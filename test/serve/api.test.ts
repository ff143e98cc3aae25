import { afterEach, describe, expect, it } from "vitest";
import { useTempDir } from "../support/temp-dir.js";
import { type RunningFixture, startFixture } from "./fixtures.js";

const tempDir = useTempDir("revfeed-serve-");
let fx: RunningFixture;
afterEach(async () => {
  await fx?.close();
});

// biome-ignore lint/suspicious/noExplicitAny: the tests read JSON shapes and assert on them field by field
type Json = any;

async function json(path: string) {
  const res = await fetch(fx.server.url + path);
  return { status: res.status, type: res.headers.get("content-type"), body: (await res.json()) as Json };
}

describe("JSON API", () => {
  it("lists articles newest change first, with tag filter and limit, without fetch state", async () => {
    fx = await startFixture(tempDir());
    const all = await json("/api/articles");
    expect(all.status).toBe(200);
    expect(all.type).toMatch(/^application\/json/);
    expect(all.body.articles.map((a: { id: number }) => a.id)).toEqual([
      fx.ids.story,
      fx.ids.single,
      fx.ids.hostile,
    ]);
    const story = all.body.articles[0];
    expect(story).toMatchObject({ status: "final", revisionCount: 3, tags: ["ots"], lang: "ru" });
    expect(story).not.toHaveProperty("etag");
    expect(story).not.toHaveProperty("lastError");
    expect((await json("/api/articles?limit=1")).body.articles).toHaveLength(1);
    const tagged = await json("/api/articles?tag=ots");
    expect(tagged.body.articles.map((a: { id: number }) => a.id)).toEqual([fx.ids.story, fx.ids.single]);
  });

  it("returns an article with its latest revision and events, and all revisions", async () => {
    fx = await startFixture(tempDir());
    const one = await json(`/api/articles/${fx.ids.story}`);
    expect(one.body.article.id).toBe(fx.ids.story);
    expect(one.body.latest.seq).toBe(3);
    expect(one.body.latest.labels).toEqual(["headline", "correction", "marker-removed"]);
    expect(one.body.events).toEqual([]);
    const revisions = await json(`/api/articles/${fx.ids.story}/revisions`);
    expect(revisions.body.articleId).toBe(fx.ids.story);
    expect(revisions.body.revisions.map((r: { seq: number }) => r.seq)).toEqual([1, 2, 3]);
    expect(revisions.body.revisions[0].paragraphs[1].text).toContain("Куманычбек");
  });

  it("returns the engine's JSON diff, previous → latest by default", async () => {
    fx = await startFixture(tempDir());
    const latest = await json(`/api/articles/${fx.ids.story}/diff`);
    expect(latest.status).toBe(200);
    expect(latest.body.from.seq).toBe(2);
    expect(latest.body.to.seq).toBe(3);
    expect(latest.body.diff.version).toBe(1);
    expect(latest.body.diff.labels).toContain("correction");
    expect(latest.body.diff.labels).toContain("marker-removed");
    const changed = latest.body.diff.paragraphs.find((p: { op: string }) => p.op === "change");
    expect(changed.words).toEqual(
      expect.arrayContaining([
        { op: "delete", text: "Куманычбек" },
        { op: "insert", text: "Кубанычбек" },
      ]),
    );
    const appended = await json(`/api/articles/${fx.ids.story}/diff?from=1&to=2`);
    expect(appended.body.diff.labels).toContain("appended");
    expect(appended.body.diff.stats.paragraphsAdded).toBe(2);
  });

  it("answers bad ids and revision numbers with JSON 400/404", async () => {
    fx = await startFixture(tempDir());
    const cases: [string, number][] = [
      ["/api/articles/abc", 400],
      ["/api/articles/999999", 404],
      ["/api/articles/999999/revisions", 404],
      [`/api/articles/${fx.ids.story}/diff?from=x`, 400],
      [`/api/articles/${fx.ids.story}/diff?from=1&to=7`, 404],
      [`/api/articles/${fx.ids.single}/diff`, 404],
      ["/api/articles?limit=-3", 400],
      ["/api/nothing", 404],
    ];
    for (const [path, expected] of cases) {
      const res = await json(path);
      expect(res.status, path).toBe(expected);
      expect(res.type, path).toMatch(/^application\/json/);
      expect(res.body.statusCode, path).toBe(expected);
      expect(typeof res.body.error, path).toBe("string");
    }
  });
});
