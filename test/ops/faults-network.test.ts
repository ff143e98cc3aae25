import { describe, expect, it } from "vitest";
import type { Fault, FaultTarget } from "../support/fault-server.js";
import {
  expectFailureReported,
  expectIsolatedAndRecovered,
  FLAKY_ID,
  useRigsWithBaseline,
} from "./fault-rig.js";

/**
 * Network faults at the worker level: one flaky source next to a healthy one, a ManualClock, and a real
 * local server misbehaving. The fetch layer's own tests cover classification; these check what the worker
 * does with it: a log line and a metric naming the kind, no crash, the other source unaffected, nothing
 * stored lost, and recovery once the fault ends.
 */

const rigWithBaseline = useRigsWithBaseline("revfeed-fault-");

interface Case {
  name: string;
  target: FaultTarget;
  fault: Fault;
  kind: string;
}

const cases: Case[] = [
  {
    name: "a server that never answers (timeout)",
    target: "article",
    fault: { kind: "hang" },
    kind: "timeout",
  },
  { name: "a body that trickles forever", target: "article", fault: { kind: "trickle" }, kind: "timeout" },
  { name: "connection resets", target: "all", fault: { kind: "reset" }, kind: "connection" },
  { name: "HTTP 500", target: "article", fault: { kind: "status", status: 500 }, kind: "server-error" },
  { name: "HTTP 502", target: "all", fault: { kind: "status", status: 502 }, kind: "server-error" },
  { name: "HTTP 503", target: "article", fault: { kind: "status", status: 503 }, kind: "server-error" },
  { name: "a redirect loop", target: "article", fault: { kind: "redirect-loop" }, kind: "redirect-loop" },
  {
    name: "a redirect to another host",
    target: "article",
    fault: { kind: "redirect", location: "http://tracker.example.net/away.html" },
    kind: "refused-host",
  },
  {
    name: "a 50 MB body",
    target: "article",
    fault: { kind: "huge", bytes: 50 * 1024 * 1024 },
    kind: "too-large",
  },
  {
    name: "a gzip bomb (100 MB from 100 KB)",
    target: "article",
    fault: { kind: "gzip-bomb", bytes: 100 * 1024 * 1024 },
    kind: "too-large",
  },
  {
    name: "a feed that is malformed XML",
    target: "feed",
    fault: {
      kind: "body",
      type: "application/rss+xml",
      body: '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>a &amp b</item>',
    },
    kind: "bad-feed",
  },
  {
    name: "HTML served as the feed",
    target: "feed",
    fault: {
      kind: "body",
      type: "text/html; charset=utf-8",
      body: "<!DOCTYPE html><html><body><h1>Welcome</h1></body></html>",
    },
    kind: "bad-feed",
  },
];

describe("network faults at the worker level", () => {
  it.each(cases)("$name: reported as $kind, isolated, recovered", async ({ target, fault, kind }) => {
    const rig = await rigWithBaseline();
    rig.proxy.set(target, fault);
    const during = await rig.cycle();
    expect(rig.proxy.served.get(fault.kind) ?? 0).toBeGreaterThan(0);
    expect(during.failures.some((f) => f.sourceId === "flaky" && f.kind === kind)).toBe(true);
    expectFailureReported(rig, "flaky", kind);
    await expectIsolatedAndRecovered(rig, during);
  });

  it("HTTP 503 with Retry-After: the article is not asked again before the server said", async () => {
    const rig = await rigWithBaseline();
    rig.proxy.set("article", { kind: "status", status: 503, headers: { "retry-after": "45" } });
    const now = rig.w.clock.now().getTime();
    const during = await rig.cycle();
    expectFailureReported(rig, "flaky", "server-error");
    const article = rig.w.store.findArticle({ siteId: String(FLAKY_ID) });
    expect(Date.parse(article?.nextCheckAt ?? "")).toBeGreaterThanOrEqual(now + 45_000);
    // Before the Retry-After has passed, a cycle does not touch the article.
    rig.w.clock.advance(30_000);
    const served = rig.proxy.served.get("status");
    await rig.w.worker.runOnce({ poll: false });
    expect(rig.proxy.served.get("status")).toBe(served);
    await expectIsolatedAndRecovered(rig, during);
  });

  it("HTTP 429 with Retry-After on the feed: polling waits, then resumes", async () => {
    const rig = await rigWithBaseline();
    rig.proxy.set("feed", { kind: "status", status: 429, headers: { "retry-after": "50" } });
    const now = rig.w.clock.now().getTime();
    const during = await rig.cycle();
    expectFailureReported(rig, "flaky", "rate-limited");
    const source = rig.w.store.getSource("flaky");
    expect(Date.parse(source?.nextPollAt ?? "")).toBeGreaterThanOrEqual(now + 50_000);
    rig.w.clock.advance(20_000);
    const skipped = await rig.cycle();
    expect(skipped.polls.find((p) => p.sourceId === "flaky")?.result).toBe("skipped");
    await expectIsolatedAndRecovered(rig, during);
  });

  it.each([404, 410])(
    "HTTP %i: recorded as a removal, revisions kept, restored when it comes back",
    async (status) => {
      const rig = await rigWithBaseline();
      rig.proxy.set("article", { kind: "status", status });
      const during = await rig.cycle();
      expectFailureReported(rig, "flaky", "not-found");
      const article = rig.w.store.findArticle({ siteId: String(FLAKY_ID) });
      expect(article?.status).toBe("removed");
      await expectIsolatedAndRecovered(rig, during);
      const events = rig.w.store.listEvents(article?.id ?? 0).map((e) => e.kind);
      expect(events).toEqual(["removed", "restored"]);
    },
  );
});
