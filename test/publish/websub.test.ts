import type { IncomingMessage } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { publishAll } from "../../src/publish/publish-all.js";
import { pingHub } from "../../src/publish/websub.js";
import { startHttpServer, type TestHttpServer } from "../support/http-server.js";
import { useTempDir } from "../support/temp-dir.js";
import { feedConfig, site, storyAt } from "./factory.js";

const tempDir = useTempDir("revfeed-websub-");
const servers: TestHttpServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

interface Ping {
  contentType: string | undefined;
  form: Record<string, string>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** A local WebSub hub that records publish pings and answers with `status`. */
async function startHub(status = 204) {
  const pings: Ping[] = [];
  const server = await startHttpServer(async (req, res) => {
    const body = await readBody(req);
    pings.push({
      contentType: req.headers["content-type"],
      form: Object.fromEntries(new URLSearchParams(body)),
    });
    res.writeHead(status).end(status >= 400 ? "hub error" : "");
  });
  servers.push(server);
  return { url: server.url("/hub"), pings, server };
}

const feeds = [feedConfig({ name: "ots", title: "OTS", tags: ["ots"] })];

describe("WebSub publish pings", () => {
  it("pings the hub once per changed feed with hub.mode=publish and the feed's self URL", async () => {
    const hub = await startHub();
    const dir = tempDir();
    const result = await publishAll({ site: site({ hub: hub.url }), feeds, articles: [storyAt(1)] }, dir, {
      fetch,
    });
    expect(result.changed).toEqual([
      "ots.atom",
      "ots.rss",
      "ots.json",
      "ots.revisions.atom",
      "ots.revisions.rss",
      "ots.revisions.json",
      "articles/7.atom",
    ]);
    expect(hub.pings.map((p) => p.form)).toEqual(
      result.changed.map((f) => ({
        "hub.mode": "publish",
        "hub.url": `https://revfeed.example.org/feeds/${f}`,
      })),
    );
    expect(hub.pings.every((p) => p.contentType === "application/x-www-form-urlencoded")).toBe(true);
    expect(hub.server.requests.every((r) => r.method === "POST" && r.path === "/hub")).toBe(true);
    expect(result.hub.every((r) => r.ok && r.status === 204)).toBe(true);
  });

  it("sends nothing when nothing changed, and only the changed feeds after a new revision", async () => {
    const hub = await startHub();
    const dir = tempDir();
    const at = (seq: number) => ({ site: site({ hub: hub.url }), feeds, articles: [storyAt(seq)] });
    await publishAll(at(1), dir, { fetch });
    hub.pings.length = 0;
    const same = await publishAll(at(1), dir, { fetch });
    expect(same).toEqual({ changed: [], hub: [] });
    expect(hub.pings).toEqual([]);
    const next = await publishAll(at(2), dir, { fetch });
    expect(next.changed.length).toBeGreaterThan(0);
    expect(hub.pings.map((p) => p.form["hub.url"])).toEqual(
      next.changed.map((f) => `https://revfeed.example.org/feeds/${f}`),
    );
  });

  it("reports a failing hub instead of throwing", async () => {
    const hub = await startHub(503);
    const results = await pingHub(hub.url, ["https://revfeed.example.org/feeds/ots.atom"], fetch);
    expect(results).toEqual([
      {
        topic: "https://revfeed.example.org/feeds/ots.atom",
        ok: false,
        status: 503,
        error: `hub ${hub.url} answered HTTP 503 for https://revfeed.example.org/feeds/ots.atom`,
      },
    ]);
  });

  it("reports an unreachable hub instead of throwing", async () => {
    const hub = await startHub();
    await hub.server.close();
    servers.length = 0;
    const results = await pingHub(hub.url, ["https://revfeed.example.org/feeds/ots.atom"], fetch, 2_000);
    expect(results[0]?.ok).toBe(false);
    expect(results[0]?.status).toBeNull();
    expect(results[0]?.error).toMatch(/unreachable/);
  });

  it("does not ping without a configured hub", async () => {
    const hub = await startHub();
    const result = await publishAll({ site: site(), feeds, articles: [storyAt(1)] }, tempDir(), { fetch });
    expect(result.changed.length).toBe(7);
    expect(result.hub).toEqual([]);
    expect(hub.pings).toEqual([]);
  });
});
