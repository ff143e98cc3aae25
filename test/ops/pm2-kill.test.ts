import { createHash } from "node:crypto";
import {
  existsSync,
  type FSWatcher,
  mkdirSync,
  readdirSync,
  readFileSync,
  watch,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeParagraphs } from "../../src/store/paragraph-codec.js";
import { FaultServer } from "../support/fault-server.js";
import { NewsSite } from "../support/news-site.js";
import { seedStory } from "../support/seed.js";
import { seeded } from "../support/seeded-random.js";
import { useTempDir } from "../support/temp-dir.js";
import { expectFeedsValid, parseXmlStrict } from "./fault-rig.js";
import {
  appLogs,
  compiledMain,
  killQuietly,
  type Pm2,
  startPm2,
  until,
  writeAppsFile,
} from "./pm2-harness.js";

/**
 * Crash safety under a real pm2: the worker runs the compiled CLI on a one-second schedule against a local
 * news site whose developing stories change every few hundred milliseconds; the test SIGKILLs it at seeded
 * random moments (some right as a feed temp file appears, some right as the database's WAL grows) and pm2
 * restarts it. Afterwards nothing may be corrupt, duplicated, lost or half-written, and the schedule goes on.
 */

const KILLS = Number(process.env.REVFEED_KILLS ?? 22);
const STORIES = 24;
const APP = "revfeed-worker";
const tempDir = useTempDir("revfeed-kill-");
const seed = seedStory();

const SEED = Number(process.env.REVFEED_KILL_SEED ?? 20251024);
const random = seeded(SEED);
const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)] as T;

/** The ETag the local news site gives a story's text (see test/support/news-site.ts). */
function siteEtag(title: string, paragraphs: string[]): string {
  return `"${createHash("sha1")
    .update(JSON.stringify([title, paragraphs]))
    .digest("hex")
    .slice(0, 16)}"`;
}

interface StoryState {
  id: number;
  title: string;
  body: string[];
  version: number;
}

/** The next version of a developing story: a new paragraph or one changed word; the marker stays last. */
function nextVersion(s: StoryState): string[] {
  s.version++;
  if (random() < 0.5 || s.body.length < 4) {
    s.body.push(`${pick(seed.paragraphs)} (обновление ${s.version})`);
  } else {
    const i = Math.floor(random() * s.body.length);
    const words = (s.body[i] ?? "").split(" ");
    words[Math.floor(random() * words.length)] = `изменено${s.version}`;
    s.body[i] = words.join(" ");
  }
  return [...s.body, seed.marker];
}

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

describe("the worker under pm2, killed with SIGKILL at random moments", () => {
  it(`survives ${KILLS} kills: no corruption, no duplicate, no lost text, no half-written feed, schedule resumes`, async () => {
    const dir = tempDir();
    site = await new NewsSite({ layout: "trend" }).start();
    proxy = await new FaultServer(site.origin).start();
    const stories: StoryState[] = Array.from({ length: STORIES }, (_, i) => ({
      id: 5000 + i,
      title: `Министры ОТГ: заседание ${i + 1}`,
      body: seed.paragraphs.slice(i % 8, (i % 8) + 3),
      version: 0,
    }));
    /** Every text the site ever served, by story and ETag. */
    const versions = new Map<string, string[]>();
    const publish = (s: StoryState, paragraphs: string[]) => {
      versions.set(`${s.id} ${siteEtag(s.title, paragraphs)}`, paragraphs);
      site?.put({ id: s.id, title: s.title, paragraphs, publishedAt: "2025-10-24T10:35:00Z" });
    };
    for (const s of stories) publish(s, [...s.body, seed.marker]);

    writeFileSync(
      path.join(dir, "revfeed.config.yaml"),
      `stateDir: state
feedsDir: feeds
fetch: { allowPrivateNetworks: true, perHostDelayMs: 0, perHostConcurrency: 4, timeoutMs: 5000 }
schedule: { poll: "*/1 * * * * *", recheck: "*/1 * * * * *" }
watch: { developingEveryMinutes: 0.01 }
sources:
  - { id: local, url: "${proxy.feedUrl}", profile: trend, lang: ru }
publish:
  - { name: all, title: All stories }
  - { name: ots, title: OTS, tags: [ots] }
`,
    );
    const state = path.join(dir, "state");
    const feeds = path.join(dir, "feeds");
    mkdirSync(state, { recursive: true });
    mkdirSync(feeds, { recursive: true });
    pm2 = startPm2({ REVFEED_CONFIG: path.join(dir, "revfeed.config.yaml") });
    const started = Date.now();
    await pm2.cli("start", writeAppsFile(dir, script, [APP]));

    // The site keeps changing: two stories get a new version every 300 ms.
    const driver = setInterval(() => {
      for (let n = 0; n < 2; n++) {
        const s = pick(stories);
        publish(s, nextVersion(s));
      }
    }, 300);

    const kills: { at: number; mode: string; midFeedWrite: boolean }[] = [];
    let lastPid: number | null = null;
    try {
      for (let k = 0; k < KILLS; k++) {
        const active = pm2;
        // Kill a worker that has started (logged "worker started"), not one still loading its modules.
        const pid = await until(
          "pm2 to restart the worker",
          () => {
            const p = active.pid(APP);
            return p !== null && p !== lastPid && alive(p) && startedCount(dir) > k ? p : null;
          },
          20_000,
        );
        // Every fifth worker runs 3 s first, so some checks surely complete between kills (see below).
        const mode = k % 5 === 4 ? "calm" : pick(["random", "feed-write", "db-write"]);
        await trigger(mode, feeds, state, random);
        killQuietly(pid);
        kills.push({ at: Date.now(), mode, midFeedWrite: hasTempFiles(feeds) });
        lastPid = pid;
      }
    } finally {
      clearInterval(driver);
    }
    const killPhaseMs = Date.now() - started;

    // The last restart catches up with the final versions by itself.
    const db = new Database(path.join(state, "revfeed.sqlite"), { readonly: true, fileMustExist: true });
    try {
      const latestText = (id: number) => {
        const row = db
          .prepare(
            "SELECT r.paragraphs FROM revisions r JOIN articles a ON a.id = r.article_id WHERE a.site_id = ? ORDER BY r.seq DESC LIMIT 1",
          )
          .get(String(id)) as { paragraphs: string } | undefined;
        return row ? decodeParagraphs(row.paragraphs).map((p) => p.text) : null;
      };
      await until(
        "the restarted worker to store every story's final version",
        () =>
          stories.every((s) => JSON.stringify(latestText(s.id)) === JSON.stringify([...s.body, seed.marker])),
        25_000,
        200,
      );
      const caughtUp = Date.now();

      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");

      // No duplicates: consecutive revisions of an article never share a hash, seqs are 1..n.
      const revisions = db
        .prepare(
          "SELECT a.site_id AS siteId, r.seq, r.hash, r.paragraphs FROM revisions r JOIN articles a ON a.id = r.article_id ORDER BY a.id, r.seq",
        )
        .all() as { siteId: string; seq: number; hash: string; paragraphs: string }[];
      const stored = new Map<string, Set<string>>();
      let previous: { siteId: string; seq: number; hash: string } | null = null;
      for (const r of revisions) {
        if (previous?.siteId === r.siteId) {
          expect(r.seq).toBe(previous.seq + 1);
          expect(r.hash, `article ${r.siteId} seq ${r.seq} repeats seq ${previous.seq}`).not.toBe(
            previous.hash,
          );
        } else {
          expect(r.seq).toBe(1);
        }
        const text = JSON.stringify(decodeParagraphs(r.paragraphs).map((p) => p.text));
        if (!stored.has(r.siteId)) stored.set(r.siteId, new Set());
        stored.get(r.siteId)?.add(text);
        previous = r;
      }

      // Only texts the site served are stored…
      const served = new Set(
        [...versions].map(([key, paragraphs]) => `${key.split(" ")[0]} ${JSON.stringify(paragraphs)}`),
      );
      for (const [siteId, texts] of stored) {
        for (const t of texts)
          expect(served.has(`${siteId} ${t}`), `stored text of ${siteId} was served`).toBe(true);
      }
      // …and every text served to a check that completed is stored. Cycles never overlap, so the first
      // "cycle done" the worker logged after a response ends the cycle that fetched it; with no kill from
      // 0.2 s before the response (it may have answered a dead process) to that line, its check completed.
      // Judging by the worker's own log, not a fixed delay, keeps this right on a loaded machine.
      const killTimes = kills.map((k) => k.at);
      await new Promise((r) => setTimeout(r, 2_600));
      const cycleEnds = appLogs(dir, APP)
        .filter((l) => l.msg === "cycle done")
        .map((l) => Number(l.time))
        .sort((a, b) => a - b);
      let fullyChecked = 0;
      for (const entry of proxy.log) {
        const match = /\/(\d+)\.html$/.exec(entry.path);
        if (!match || entry.status !== 200 || !entry.etag) continue;
        const cycleEnd = cycleEnds.find((t) => t >= entry.at);
        if (cycleEnd === undefined) continue;
        if (killTimes.some((t) => t > entry.at - 200 && t <= cycleEnd)) continue;
        const text = versions.get(`${match[1]} ${entry.etag}`);
        expect(text, `served version ${match[1]} ${entry.etag} is known`).toBeDefined();
        expect(
          stored.get(match[1] ?? "")?.has(JSON.stringify(text)),
          `version of ${match[1]} served at ${entry.at}`,
        ).toBe(true);
        fullyChecked++;
      }
      expect(fullyChecked).toBeGreaterThanOrEqual(20);

      // The schedule resumes: developing stories are due again soon and keep being checked.
      const checkedAt = () =>
        (db.prepare("SELECT max(last_checked_at) AS t FROM articles").get() as { t: string }).t;
      const before = checkedAt();
      await until("another check after the kills", () => checkedAt() > before, 10_000, 200);
      const developing = db
        .prepare("SELECT status, next_check_at AS next FROM articles WHERE site_id IS NOT NULL")
        .all() as { status: string; next: string | null }[];
      expect(developing).toHaveLength(STORIES);
      for (const a of developing) {
        expect(a.status).toBe("developing");
        expect(Date.parse(a.next ?? "")).toBeGreaterThan(kills.at(-1)?.at ?? 0);
      }

      // A graceful stop at the end, then every feed is complete, valid and current; no temp file is left.
      await pm2.cli("stop", APP);
      const logs = appLogs(dir, APP);
      expect(logs.filter((l) => l.msg === "worker started").length).toBe(KILLS + 1);
      expect(logs.at(-1)?.msg).toBe("stopped cleanly");
      expectFeedsValid(dir);
      const ids = db
        .prepare("SELECT id, revision_count AS n FROM articles WHERE site_id IS NOT NULL")
        .all() as {
        id: number;
        n: number;
      }[];
      for (const { id, n } of ids) {
        const doc = parseXmlStrict(
          readFileSync(path.join(feeds, "articles", `${id}.atom`), "utf8"),
          `${id}.atom`,
        );
        expect(doc.getElementsByTagName("entry").length, `entries in articles/${id}.atom`).toBe(
          Math.min(n, 50),
        );
      }

      const midWrite = kills.filter((k) => k.midFeedWrite).length;
      const byMode = Object.fromEntries(
        ["random", "feed-write", "db-write", "calm"].map((m) => [
          m,
          kills.filter((k) => k.mode === m).length,
        ]),
      );
      console.info(
        `pm2 kill test (seed ${SEED}): ${kills.length} SIGKILLs in ${killPhaseMs} ms (${JSON.stringify(byMode)}), ` +
          `${midWrite} left a feed temp file behind (killed mid-write), ${revisions.length} revisions of ${STORIES} stories, ` +
          `${versions.size} versions served, ${fullyChecked} uninterrupted checks verified, caught up ${caughtUp - (kills.at(-1)?.at ?? 0)} ms after the last kill`,
      );
      expect(kills.length).toBeGreaterThanOrEqual(20);
    } finally {
      db.close();
    }
  }, 150_000);
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function startedCount(dir: string): number {
  return appLogs(dir, APP).filter((l) => l.msg === "worker started").length;
}

function hasTempFiles(feeds: string): boolean {
  return readdirSync(feeds, { recursive: true }).some((f) => String(f).endsWith(".tmp"));
}

/**
 * Waits for the moment to kill: a random delay (up to 2.1 s), a feed temp file appearing (a publish is writing), or the
 * database's WAL changing (a transaction is committing); a quiet worker is killed after 2 s anyway.
 */
function trigger(mode: string, feeds: string, state: string, rnd: () => number): Promise<void> {
  if (mode === "calm") return new Promise((r) => setTimeout(r, 3_000));
  if (mode === "random") return new Promise((r) => setTimeout(r, 100 + rnd() * 2000));
  return new Promise((resolve) => {
    let watcher: FSWatcher | null = null;
    const done = () => {
      watcher?.close();
      clearTimeout(fallback);
      resolve();
    };
    const fallback = setTimeout(done, 2_000);
    const folder = mode === "feed-write" ? feeds : state;
    if (!existsSync(folder)) return;
    watcher = watch(folder, { recursive: mode === "feed-write" }, (_event, name) => {
      const file = String(name ?? "");
      if (mode === "feed-write" ? file.endsWith(".tmp") : file.endsWith("-wal")) done();
    });
  });
}
