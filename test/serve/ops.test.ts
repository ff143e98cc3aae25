import { afterEach, describe, expect, it } from "vitest";
import { MINUTE } from "../../src/clock.js";
import { assessHealth } from "../../src/serve/health.js";
import { useTempDir } from "../support/temp-dir.js";
import { type RunningFixture, startFixture } from "./fixtures.js";

const tempDir = useTempDir("revfeed-serve-");
let fx: RunningFixture;
afterEach(async () => {
  await fx?.close();
});

describe("assessHealth", () => {
  const now = new Date("2025-10-24T12:00:00.000Z");
  it("is healthy up to and including the limit, stale past it", () => {
    expect(assessHealth("2025-10-24T11:30:00.000Z", now, 30).ok).toBe(true);
    const stale = assessHealth("2025-10-24T11:29:59.000Z", now, 30);
    expect(stale).toMatchObject({ ok: false, status: "stale", ageSeconds: 1801 });
    expect(stale.reason).toContain("more than 30");
  });
  it("is unhealthy with no record or an unreadable one", () => {
    expect(assessHealth(null, now, 30)).toMatchObject({
      ok: false,
      reason: "no successful poll recorded yet",
    });
    expect(assessHealth("yesterday", now, 30).reason).toContain("not a date");
  });
});

describe("/healthz", () => {
  it("is 503 before any poll, 200 after a recent one, 503 again when the clock moves past the limit", async () => {
    fx = await startFixture(tempDir());
    const url = `${fx.server.url}/healthz`;
    const before = await fetch(url);
    expect(before.status).toBe(503);
    expect(((await before.json()) as { reason: string }).reason).toBe("no successful poll recorded yet");

    fx.writer.setMeta("last_success_at", fx.clock.now().toISOString());
    const fresh = await fetch(url);
    expect(fresh.status).toBe(200);
    expect(await fresh.json()).toMatchObject({ ok: true, status: "ok", ageSeconds: 0 });
    expect(fresh.headers.get("cache-control")).toBe("no-store");

    fx.clock.advance(31 * MINUTE);
    const stale = await fetch(url);
    expect(stale.status).toBe(503);
    expect(await stale.json()).toMatchObject({ ok: false, status: "stale", ageSeconds: 31 * 60 });
  });
});

describe("/metrics", () => {
  it("shows zeros when the worker has saved nothing", async () => {
    fx = await startFixture(tempDir());
    const res = await fetch(`${fx.server.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const text = await res.text();
    expect(text).toContain('revfeed_checks_total{result="changed"} 0');
    expect(text).toContain('revfeed_checks_total{result="not_modified"} 0');
    expect(text).toContain("revfeed_not_modified_total 0");
    expect(text).toContain("revfeed_revisions_total 0");
    expect(text).toContain("revfeed_cycle_duration_seconds 0");
    expect(text).toContain("revfeed_last_success_timestamp_seconds 0");
    expect(text).toContain("# TYPE revfeed_fetch_failures_total counter");
  });

  it("exposes the worker's saved counters and the server's own request counts", async () => {
    fx = await startFixture(tempDir());
    fx.writer.setMeta(
      "worker_metrics",
      JSON.stringify({
        checks_total: { changed: 4, unchanged: 10, not_modified: 7, failed: 2 },
        failures_total: { timeout: 1, "http-status": 1 },
        revisions_total: 5,
        cycles_total: 3,
        cycle_duration_seconds: 1.25,
        last_success_timestamp_seconds: 1761302100,
      }),
    );
    await fetch(`${fx.server.url}/articles/${fx.ids.story}`);
    const text = await (await fetch(`${fx.server.url}/metrics`)).text();
    expect(text).toContain('revfeed_checks_total{result="changed"} 4');
    expect(text).toContain('revfeed_checks_total{result="unchanged"} 10');
    expect(text).toContain('revfeed_checks_total{result="failed"} 2');
    expect(text).toContain("revfeed_not_modified_total 7");
    expect(text).toContain('revfeed_fetch_failures_total{kind="timeout"} 1');
    expect(text).toContain('revfeed_fetch_failures_total{kind="http-status"} 1');
    expect(text).toContain("revfeed_revisions_total 5");
    expect(text).toContain("revfeed_cycles_total 3");
    expect(text).toContain("revfeed_cycle_duration_seconds 1.25");
    expect(text).toContain("revfeed_last_success_timestamp_seconds 1761302100");
    expect(text).toContain('revfeed_http_requests_total{method="GET",route="/articles/:id",status="200"} 1');
  });

  it("reads broken worker JSON as zeros", async () => {
    fx = await startFixture(tempDir());
    fx.writer.setMeta("worker_metrics", "{not json");
    const res = await fetch(`${fx.server.url}/metrics`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("revfeed_revisions_total 0");
  });
});

describe("reads while the worker writes", () => {
  it("serves pages while a write transaction is open, and sees the commit afterwards", async () => {
    fx = await startFixture(tempDir());
    const db = fx.writer.db;
    db.exec("BEGIN IMMEDIATE");
    db.prepare("UPDATE articles SET title = 'Новый заголовок' WHERE id = ?").run(fx.ids.single);
    const during = await fetch(`${fx.server.url}/api/articles/${fx.ids.single}`);
    expect(during.status).toBe(200);
    expect(((await during.json()) as { article: { title: string } }).article.title).toBe("Одна редакция");
    db.exec("COMMIT");
    const after = await fetch(`${fx.server.url}/api/articles/${fx.ids.single}`);
    expect(((await after.json()) as { article: { title: string } }).article.title).toBe("Новый заголовок");
  });

  it("uses a read-only connection", async () => {
    fx = await startFixture(tempDir());
    expect(fx.reader.db.readonly).toBe(true);
    expect(() => fx.reader.setMeta("x", "y")).toThrow(/readonly/i);
  });
});
