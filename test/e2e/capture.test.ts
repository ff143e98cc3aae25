import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { MINUTE } from "../../src/clock.js";
import { NewsSite } from "../support/news-site.js";
import { seedStory } from "../support/seed.js";
import { useTempDir } from "../support/temp-dir.js";
import { type TestWatcher, testWatcher } from "../support/watcher.js";

const tempDir = useTempDir();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function startSite(options: ConstructorParameters<typeof NewsSite>[0]): Promise<NewsSite> {
  const site = await new NewsSite(options).start();
  cleanups.push(() => site.stop());
  return site;
}

function watch(site: NewsSite, profile: "trend" | "generic", extra = ""): TestWatcher {
  const w = testWatcher(
    tempDir(),
    `sources:\n  - id: local\n    url: ${site.feedUrl}\n    profile: ${profile}\n    lang: ru\n${extra}`,
  );
  cleanups.push(() => w.close());
  return w;
}

const seed = seedStory();
const TITLE = "В Баку проходит второе заседание министров промышленности ОТГ";

describe("capturing the seed story as it develops", () => {
  it("stores exactly the distinct revisions, tracks developing → final, and sends conditional requests", async () => {
    const site = await startSite({ layout: "trend" });
    const w = watch(site, "trend");
    const id = 4108303;
    site.put({
      id,
      title: TITLE,
      paragraphs: [...seed.paragraphs.slice(0, 3), seed.marker],
      publishedAt: "2025-10-24T10:35:00Z",
    });

    const first = await w.worker.runOnce({ poll: true });
    expect(first.revisions).toBe(1);
    const [article] = w.store.listArticles();
    expect(article?.status).toBe("developing");
    expect(article?.siteId).toBe(String(id));
    expect(article?.nextCheckAt).toBe("2025-10-24T10:42:00.000Z");

    // Noise-only refetches: the page's ETag is unchanged, so the watcher's conditional request gets a 304.
    site.takeRequests();
    w.clock.advance(2 * MINUTE);
    const quiet = await w.worker.runOnce({ poll: false });
    expect(quiet.revisions).toBe(0);
    expect(quiet.checks.not_modified).toBe(1);
    expect(site.takeRequests()).toEqual([
      { path: `/azerbaijan/business/${id}.html`, status: 304, conditional: true },
    ]);

    // More paragraphs, marker kept, title gains (ФОТО).
    site.update(id, { title: `${TITLE} (ФОТО)`, paragraphs: [...seed.paragraphs.slice(0, 6), seed.marker] });
    w.clock.advance(2 * MINUTE);
    const second = await w.worker.runOnce({ poll: false });
    expect(second.revisions).toBe(1);

    // Final: the marker disappears.
    site.update(id, { paragraphs: seed.paragraphs });
    w.clock.advance(2 * MINUTE);
    await w.worker.runOnce({ poll: true });

    const after = w.store.listArticles()[0];
    expect(after?.status).toBe("final");
    // Final follow-up checks every 10 minutes catch late edits.
    expect(after?.nextCheckAt).toBe("2025-10-24T10:56:00.000Z");
    const revisions = w.store.listRevisions(after?.id ?? 0);
    expect(revisions.map((r) => [r.seq, r.developing, r.paragraphs.length])).toEqual([
      [1, true, 4],
      [2, true, 7],
      [3, false, seed.paragraphs.length],
    ]);
    expect(revisions[1]?.title).toBe(`${TITLE} (ФОТО)`);
    expect(revisions[2]?.labels).toContain("marker-removed");
    expect(revisions[0]?.tags.map((t) => t.tag)).toContain("ots");
    // Boilerplate never reaches the body: no counters, clocks, most-read or ads.
    const body = revisions.flatMap((r) => r.paragraphs.map((p) => p.text)).join("\n");
    expect(body).not.toMatch(/Просмотров|Реклама|Курс маната|Telegram|UTC \+04:00/);
    expect(w.store.listEvents(after?.id ?? 0).map((e) => e.kind)).toEqual(["final"]);

    // Refetching again without change stores nothing.
    w.clock.advance(10 * MINUTE);
    const again = await w.worker.runOnce({ poll: true, recheckAll: true });
    expect(again.revisions).toBe(0);
    expect(w.store.listRevisions(after?.id ?? 0)).toHaveLength(3);
  });

  it("ignores noise when the site sends no validators at all", async () => {
    const site = await startSite({ layout: "trend", etags: false });
    const w = watch(site, "trend");
    site.put({
      id: 1,
      title: TITLE,
      paragraphs: [...seed.paragraphs.slice(0, 4), seed.marker],
      publishedAt: "2025-10-24T10:35:00Z",
    });
    await w.worker.runOnce({ poll: true });
    for (let i = 0; i < 3; i++) {
      w.clock.advance(2 * MINUTE);
      const report = await w.worker.runOnce({ poll: true, recheckAll: true });
      expect(report.checks.unchanged).toBe(1);
    }
    expect(w.store.listRevisions(1)).toHaveLength(1);
  });

  it("records a removal as an event and a flip-flop as a revert, losing no text", async () => {
    const site = await startSite({ layout: "trend" });
    const w = watch(site, "trend");
    const a = seed.paragraphs.slice(0, 3);
    const b = [...a.slice(0, 2), `${a[2]} Дополнение к третьему абзацу.`];
    site.put({ id: 7, title: TITLE, paragraphs: a, publishedAt: "2025-10-24T10:35:00Z" });
    await w.worker.runOnce({ poll: true });
    for (const paragraphs of [b, a]) {
      site.update(7, { paragraphs });
      w.clock.advance(15 * MINUTE);
      await w.worker.runOnce({ poll: true, recheckAll: true });
    }
    const article = w.store.listArticles()[0];
    const revisions = w.store.listRevisions(article?.id ?? 0);
    expect(revisions.map((r) => [r.seq, r.event, r.revertOf])).toEqual([
      [1, null, null],
      [2, null, null],
      [3, "revert", 1],
    ]);
    expect(revisions[2]?.labels).toContain("revert");

    site.update(7, { removed: true });
    w.clock.advance(15 * MINUTE);
    const removed = await w.worker.runOnce({ poll: true, recheckAll: true });
    expect(removed.checks.removed).toBe(1);
    const gone = w.store.getArticle(article?.id ?? 0);
    expect(gone?.status).toBe("removed");
    expect(w.store.listEvents(gone?.id ?? 0).map((e) => e.kind)).toEqual(["removed"]);
    expect(w.store.listRevisions(gone?.id ?? 0)).toHaveLength(3);
  });

  it("reads a windows-1251 site with the generic profile", async () => {
    const site = await startSite({ layout: "generic", charset: "windows-1251" });
    const w = watch(site, "generic");
    const paragraphs = [
      "Министр экономики Азербайджана заявил, что торговый оборот со странами ОТГ вырос за девять месяцев.",
      "По его словам, страны организации продолжат упрощать взаимную торговлю и развивать транспортные коридоры.",
      "Следующее заседание министров пройдет в Астане в 2026 году, сообщили в пресс-службе ведомства.",
    ];
    site.put({
      id: 55,
      title: "Торговля со странами ОТГ выросла",
      paragraphs,
      publishedAt: "2025-10-24T08:00:00Z",
    });
    const report = await w.worker.runOnce({ poll: true });
    expect(report.revisions).toBe(1);
    const article = w.store.listArticles()[0];
    const [revision] = w.store.listRevisions(article?.id ?? 0);
    expect(revision?.title).toBe("Торговля со странами ОТГ выросла");
    expect(revision?.paragraphs.map((p) => p.text)).toEqual(paragraphs);
  });

  it("keeps polling other sources when one fails", async () => {
    const good = await startSite({ layout: "trend" });
    const w = testWatcher(
      tempDir(),
      `sources:\n  - id: broken\n    url: http://127.0.0.1:9/feeds/index.rss\n  - id: good\n    url: ${good.feedUrl}\n    profile: trend\n`,
    );
    cleanups.push(() => w.close());
    good.put({
      id: 3,
      title: TITLE,
      paragraphs: seed.paragraphs.slice(0, 3),
      publishedAt: "2025-10-24T10:35:00Z",
    });
    const report = await w.worker.runOnce({ poll: true });
    expect(report.polls.map((p) => [p.sourceId, p.result])).toEqual([
      ["broken", "failed"],
      ["good", "ok"],
    ]);
    expect(report.revisions).toBe(1);
    expect(w.logs.some((l) => l.source_id === "broken" && l.kind === "connection")).toBe(true);
  });

  it("stops watching a story a week after its last change, and lists it as stopped", async () => {
    const site = await startSite({ layout: "trend" });
    const w = watch(site, "trend");
    site.put({
      id: 11,
      title: TITLE,
      paragraphs: seed.paragraphs.slice(0, 3),
      publishedAt: "2025-10-24T10:35:00Z",
    });
    await w.worker.runOnce({ poll: true });
    w.clock.advance(8 * 24 * 60 * MINUTE);
    const report = await w.worker.runOnce({ poll: false });
    expect(report.checks.not_modified).toBe(1);
    const article = w.store.listArticles()[0];
    expect(article?.status).toBe("stopped");
    expect(article?.nextCheckAt).toBeNull();
    w.clock.advance(60 * MINUTE);
    expect((await w.worker.runOnce({ poll: false })).checks.not_modified).toBe(0);
  });

  it("publishes each revision of the story as its own feed entry after the cycles that changed something", async () => {
    const site = await startSite({ layout: "trend" });
    const w = watch(site, "trend", "publish:\n  - name: ots\n    title: OTS\n    tags: [ots]\n");
    const feed = path.join(w.dir, "feeds", "ots.revisions.atom");
    site.put({
      id: 21,
      title: TITLE,
      paragraphs: [...seed.paragraphs.slice(0, 3), seed.marker],
      publishedAt: "2025-10-24T10:35:00Z",
    });
    await w.worker.runOnce({ poll: true });
    site.update(21, { paragraphs: [...seed.paragraphs.slice(0, 5), seed.marker] });
    w.clock.advance(2 * MINUTE);
    await w.worker.runOnce({ poll: false });
    const mtime = statSync(feed).mtimeMs;
    w.clock.advance(2 * MINUTE);
    const quiet = await w.worker.runOnce({ poll: false });
    expect(quiet.published).toEqual([]);
    expect(statSync(feed).mtimeMs).toBe(mtime);
    const ids = [...readFileSync(feed, "utf8").matchAll(/<id>(tag:[^<]*\/rev\/\d+)<\/id>/g)].map((m) => m[1]);
    expect(ids).toEqual(["tag:localhost,2025:article/1/rev/2", "tag:localhost,2025:article/1/rev/1"]);
  });

  it("records a page that lost most of its text as a failed check, never as a revision", async () => {
    const site = await startSite({ layout: "trend" });
    const w = watch(site, "trend");
    site.put({ id: 31, title: TITLE, paragraphs: seed.paragraphs, publishedAt: "2025-10-24T10:35:00Z" });
    await w.worker.runOnce({ poll: true });
    site.update(31, { paragraphs: seed.paragraphs.slice(0, 1) });
    w.clock.advance(15 * MINUTE);
    const report = await w.worker.runOnce({ poll: true, recheckAll: true });
    expect(report.checks.failed).toBe(1);
    expect(report.failures[0]?.kind).toBe("extract-too-short");
    const article = w.store.listArticles()[0];
    expect(w.store.listRevisions(article?.id ?? 0)).toHaveLength(1);
    expect(w.store.listEvents(article?.id ?? 0).map((e) => e.kind)).toEqual(["extract-failed"]);
  });
});
