import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FaultServer } from "../support/fault-server.js";
import { NewsSite } from "../support/news-site.js";
import { seedStory } from "../support/seed.js";
import { useTempDir } from "../support/temp-dir.js";
import { expectFeedsValid } from "./fault-rig.js";
import {
  appLogs,
  compiledMain,
  type Pm2,
  shippedWorkerFlags,
  startPm2,
  until,
  writeAppsFile,
} from "./pm2-harness.js";

/**
 * `pm2 stop` and `pm2 reload` while a check is running (the site answers slowly): the check finishes within
 * the worker's grace period, or is aborted cleanly after it; never a half-finished check, an open
 * transaction or a half-written feed. The web server stops by itself too, before pm2's kill_timeout.
 */

const WORKER = "revfeed-worker";
const SERVER = "revfeed-server";
const tempDir = useTempDir("revfeed-graceful-");
const P = seedStory().paragraphs;

let pm2: Pm2 | null = null;
let site: NewsSite | null = null;
let proxy: FaultServer | null = null;
let script = "";

beforeAll(async () => {
  script = await compiledMain();
}, 120_000);

afterAll(async () => {
  await pm2?.teardown();
  await proxy?.stop();
  await site?.stop();
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

describe("graceful stop and reload under pm2", () => {
  it("stop and reload during a slow check leave complete checks, a clean database and whole feeds", async () => {
    const dir = tempDir();
    site = await new NewsSite({ layout: "trend" }).start();
    proxy = await new FaultServer(site.origin).start();
    for (const id of [1, 2, 3]) {
      site.put({
        id,
        title: `Министры ОТГ ${id}`,
        paragraphs: P.slice(id, id + 3),
        publishedAt: "2025-10-24T10:00:00Z",
      });
    }
    const port = await freePort();
    writeFileSync(
      path.join(dir, "revfeed.config.yaml"),
      `stateDir: state
feedsDir: feeds
baseUrl: http://127.0.0.1:${port}
fetch: { allowPrivateNetworks: true, perHostDelayMs: 0, timeoutMs: 20000, backoffBaseMs: 1000 }
schedule: { poll: "*/1 * * * * *", recheck: "*/1 * * * * *" }
watch: { tiers: [{ withinHours: 24, everyMinutes: 0.01 }] }
serve: { port: ${port} }
sources:
  - { id: local, url: "${proxy.feedUrl}", profile: trend, lang: ru }
publish:
  - { name: all, title: All stories }
`,
    );
    const db = () =>
      new Database(path.join(dir, "state", "revfeed.sqlite"), { readonly: true, fileMustExist: true });
    const latest = (id: number) => {
      const conn = db();
      try {
        const row = conn
          .prepare(
            "SELECT r.paragraphs FROM revisions r JOIN articles a ON a.id = r.article_id WHERE a.site_id = ? ORDER BY r.seq DESC LIMIT 1",
          )
          .get(String(id)) as { paragraphs: string } | undefined;
        return row?.paragraphs ?? "";
      } finally {
        conn.close();
      }
    };
    const all = () => readFileSync(path.join(dir, "feeds", "all.atom"), "utf8");
    const expectCleanState = () => {
      const conn = db();
      try {
        expect(conn.pragma("integrity_check", { simple: true })).toBe("ok");
        const dupes = conn
          .prepare(
            "SELECT count(*) AS n FROM revisions r JOIN revisions s ON s.article_id = r.article_id AND s.seq = r.seq + 1 AND s.hash = r.hash",
          )
          .get() as { n: number };
        expect(dupes.n).toBe(0);
      } finally {
        conn.close();
      }
      // A rollback journal would mean a transaction left open (WAL mode never writes one).
      expect(existsSync(path.join(dir, "state", "revfeed.sqlite-journal"))).toBe(false);
      expectFeedsValid(dir);
    };
    /**
     * Makes a story's page slow, waits until the worker's request for it is in flight, then changes the
     * story: the slow request reaches the site after its delay and takes the change; no other does.
     */
    // The worker checks every second, so a request for the story may already be on its way, or held by
    // the previous step's slow fault, when this one starts. Changing the story before the new slow request
    // arrived let such a request take the change (seen once: step 3 found the third addition stored). A
    // new request for the page means the earlier one was answered: a watcher checks an article once at a
    // time.
    const slowCheckOf = async (id: number, delayMs: number, added: string) => {
      proxy?.set("article", { kind: "slow", delayMs });
      const story = site?.stories.get(id);
      const page = story && site ? new URL(site.articleUrl(story)).pathname : "";
      const from = proxy?.arrivals.length ?? 0;
      await until(
        `a slow check of story ${id} in flight`,
        () => proxy?.arrivals.slice(from).some((a) => a.kind === "slow" && a.path === page),
        15_000,
      );
      site?.update(id, { paragraphs: [...P.slice(id, id + 3), added] });
    };

    pm2 = startPm2({ REVFEED_CONFIG: path.join(dir, "revfeed.config.yaml") });
    const apps = writeAppsFile(dir, script, [WORKER, SERVER]);
    await pm2.cli("start", apps);
    await until(
      "first revisions",
      () => [1, 2, 3].every((id) => latest(id) !== "") && existsSync(path.join(dir, "feeds", "all.atom")),
      30_000,
      200,
    );
    // pm2 started the worker with the process file's Node flags (node_args), and Node took them.
    const started = appLogs(dir, WORKER).find((l) => l.msg === "worker started");
    expect(shippedWorkerFlags().length).toBeGreaterThan(0);
    expect(started?.nodeFlags).toEqual(expect.arrayContaining(shippedWorkerFlags()));
    // …and with jemalloc preloaded from the process file's env (.ci/run installs libjemalloc2).
    expect(started?.malloc).toBe("jemalloc");
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect([200, 503]).toContain(health.status);

    // 1. pm2 stop while a check waits 2 s for the site: it finishes within the grace period, then exit.
    const first = "Первое дополнение: министры подписали итоговый протокол.";
    await slowCheckOf(1, 2_000, first);
    await pm2.cli("stop", WORKER);
    expect((await pm2.status(WORKER))?.status).toBe("stopped");
    expect(appLogs(dir, WORKER).at(-1)?.msg).toBe("stopped cleanly");
    expect(latest(1)).toContain(first);
    expect(all()).toContain(first);
    expectCleanState();

    // 2. pm2 reload while a check is slow: the old process finishes it, the new one takes over.
    proxy.clear();
    await pm2.cli("start", apps, "--only", WORKER);
    const oldPid = await until("the worker back online", () => pm2?.pid(WORKER), 15_000);
    await until(
      "the worker started",
      () => appLogs(dir, WORKER).filter((l) => l.msg === "worker started").length >= 2,
      20_000,
    );
    const second = "Второе дополнение: следующее заседание пройдет в Астане.";
    await slowCheckOf(2, 2_000, second);
    await pm2.cli("reload", WORKER);
    const newPid = pm2.pid(WORKER);
    expect(newPid).not.toBe(oldPid);
    expect(appLogs(dir, WORKER).filter((l) => l.msg === "stopped cleanly")).toHaveLength(2);
    expect(latest(2)).toContain(second);
    expect(all()).toContain(second);

    // 3. A check slower than the grace period is aborted, recorded as a failed check, and redone later.
    const third = "Третье дополнение: стороны обсудили транспортный коридор.";
    await until(
      "the reloaded worker started",
      () => appLogs(dir, WORKER).filter((l) => l.msg === "worker started").length >= 3,
      20_000,
    );
    await slowCheckOf(3, 12_000, third);
    await pm2.cli("stop", WORKER);
    expect(appLogs(dir, WORKER).at(-1)?.msg).toBe("stopped cleanly");
    expect(latest(3)).not.toContain(third);
    expectCleanState();
    proxy.clear();
    await pm2.cli("start", apps, "--only", WORKER);
    await until("the aborted check redone", () => latest(3).includes(third), 30_000, 200);

    // The server stops by itself on SIGINT, well before pm2 would SIGKILL it.
    await pm2.cli("stop", SERVER);
    expect(appLogs(dir, SERVER).some((l) => l.msg === "serve: shutting down")).toBe(true);
    await pm2.cli("stop", WORKER);
    expectCleanState();
    const daemonLog = readFileSync(path.join(pm2.home, "pm2.log"), "utf8");
    expect(daemonLog).not.toMatch(/SIGKILL/);
  }, 150_000);
});
