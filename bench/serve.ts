/**
 * Serve benchmark (`npm run bench:serve`): a store of 10,000 generated articles, feeds written by the real
 * publisher, the server alone in a child process (pinned to CPU 0 when taskset and two cores are there),
 * and wrk in another process (pinned to CPU 1) measuring, as feed readers send them:
 *   - a cached feed request (If-None-Match → 304),
 *   - the full current-state feed (200, Accept-Encoding: gzip, deflate, br → brotli),
 *   - a small per-article feed (200, brotli),
 *   - for information, the full feed uncompressed;
 * each alternated, round by round, with a bare node:http server replaying the very same responses (headers
 * and bytes): the ceiling this machine allows at that moment. Then the median time of a diff page.
 * Targets: ≥ 5,000 req/s for each feed request, < 20 ms median diff page. Prints figures, ratios to the
 * targets and to the ceiling, and the size of the feeds; asserts nothing (timings do not belong in tests).
 * Env: BENCH_ROOT (keep the store between runs), BENCH_DURATION_S (per run, 5), BENCH_ROUNDS (3),
 * BENCH_CONNECTIONS (32).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { request } from "undici";
import { ManualClock, systemClock } from "../src/clock.js";
import { type LoadedConfig, parseConfig } from "../src/config/load.js";
import { createLogger } from "../src/log.js";
import type { Paragraph } from "../src/model.js";
import { startServer } from "../src/serve/server.js";
import { Store } from "../src/store/store.js";
import { createPublisher } from "../src/watch/publisher.js";
import { mulberry32 } from "./lib/random.js";
import {
  answerCpuQueries,
  bareServerChild,
  cpuOf,
  loadTool,
  pinning,
  type RecordedResponse,
  recordable,
  startUrlChild,
} from "./lib/serve-load.js";

const ARTICLES = 10_000;
const FEED_TARGET_RPS = 5_000;
const DIFF_TARGET_MS = 20;
const DIFF_SAMPLES = 300;
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);

const SELF = fileURLToPath(import.meta.url);
const WORDS = (
  "министр экономики Азербайджана заседание организации тюркских государств сотрудничество развитие торговли " +
  "инвестиции промышленность технологии инновации председательство саммит декларация соглашение партнёрство " +
  "региона транспорт логистика энергетика цифровой экономики взаимной торговли стран участниц отношения " +
  "подчеркнул отметил сообщает Trend Баку Астана Ташкент Анкара Бишкек 2025 года и в на с по для что как также"
).split(" ");

function config(root: string): LoadedConfig {
  const yaml = [
    "stateDir: state",
    "feedsDir: feeds",
    "baseUrl: http://localhost:8080",
    "publish:",
    "  - name: ots",
    "    title: OTS news",
    "    tags: [ots]",
    "  - name: all",
    "    title: All tracked articles",
  ].join("\n");
  return parseConfig(yaml, path.join(root, "revfeed.config.yaml"), root);
}

function buildStore(cfg: LoadedConfig): { diffIds: number[] } {
  const random = mulberry32(20251024);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const sentence = () => {
    const words = Array.from({ length: 8 + Math.floor(random() * 14) }, () => pick(WORDS)).join(" ");
    return `${words[0]?.toUpperCase()}${words.slice(1)}.`;
  };
  const para = (): Paragraph => {
    const text = Array.from({ length: 2 + Math.floor(random() * 3) }, sentence).join(" ");
    return { text, html: `<p>${text}</p>` };
  };
  const store = Store.open(cfg.stateDir);
  const start = Date.parse("2025-10-01T00:00:00Z");
  const diffIds: number[] = [];
  store.db.transaction(() => {
    for (let i = 0; i < ARTICLES; i++) {
      const at = (minutes: number) => new Date(start + i * 240_000 + minutes * 60_000).toISOString();
      const siteId = String(4_100_000 + i);
      const { article } = store.upsertArticle(
        {
          key: `ru.trend.az/${siteId}`,
          url: `https://ru.trend.az/azerbaijan/business/${siteId}.html`,
          sourceId: "trend-ru",
          siteId,
          lang: "ru",
          title: `Заседание министров ${i}`,
          publishedAt: at(0),
        },
        at(0),
      );
      const tags = random() < 0.3 ? [{ tag: "ots", evidence: [] }] : [];
      let paragraphs = Array.from({ length: 8 + Math.floor(random() * 10) }, para);
      const revisions = 1 + Math.floor(random() * 4);
      for (let r = 0; r < revisions; r++) {
        if (r > 0) {
          paragraphs = [...paragraphs.slice(0, -1), para(), ...paragraphs.slice(-1)];
          const k = Math.floor(random() * paragraphs.length);
          const old = paragraphs[k] as Paragraph;
          const text = old.text.replace(/^\S+/, pick(WORDS));
          paragraphs[k] = { text, html: `<p>${text}</p>` };
        }
        store.recordCheck(article.id, {
          revision: {
            observedAt: at(r * 17),
            title: `Заседание министров ${i}${r > 1 ? " (ФОТО)" : ""}`,
            paragraphs,
            hash: `${i}-${r}`,
            developing: r < revisions - 1,
            event: null,
            revertOf: null,
            labels: r === 0 ? ["new"] : ["appended"],
            minor: false,
            wordsAdded: r === 0 ? 0 : 30,
            wordsRemoved: r === 0 ? 0 : 1,
            tags,
            httpStatus: 200,
            etag: null,
            lastModified: null,
            finalUrl: null,
          },
          article: { status: r < revisions - 1 ? "developing" : "final", lastChangedAt: at(r * 17) },
        });
      }
      if (revisions >= 3 && diffIds.length < 500) diffIds.push(article.id);
    }
  })();
  store.close();
  return { diffIds };
}

/** The child: the server alone in its process, as `revfeed serve` runs it. */
async function child(root: string): Promise<void> {
  const cfg = config(root);
  const store = Store.open(cfg.stateDir, { readonly: true });
  const { url } = await startServer(
    { config: cfg, store, clock: systemClock, logger: createLogger("warn") },
    { host: "127.0.0.1", port: 0 },
  );
  process.send?.({ url });
  answerCpuQueries();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Builds (or, with BENCH_ROOT, reuses) the store and the published feeds; returns articles with diffs. */
async function prepare(root: string, cfg: LoadedConfig, keep: boolean): Promise<number[]> {
  if (keep && existsSync(path.join(root, "ids.json"))) {
    console.log(`store and feeds: reused from ${root}`);
    return JSON.parse(readFileSync(path.join(root, "ids.json"), "utf8")) as number[];
  }
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  let t = performance.now();
  const { diffIds } = buildStore(cfg);
  console.log(`store: ${ARTICLES} articles in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  t = performance.now();
  const writer = Store.open(cfg.stateDir);
  const publisher = createPublisher(cfg, {
    store: writer,
    clock: new ManualClock("2025-11-01T00:00:00Z"),
    logger: createLogger("warn"),
  });
  const written = (await publisher?.publish([])) ?? [];
  writer.close();
  writeFileSync(path.join(root, "ids.json"), JSON.stringify(diffIds));
  console.log(`feeds: ${written.length} files in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return diffIds;
}

/** Bytes per feed and per entry of the files the publisher wrote (what a reader downloads on a 200). */
function printFeedSizes(feedsDir: string, wire: Map<string, { br: number; gzip: number }>): void {
  console.log("\nfeed sizes (publisher output, default limit):");
  console.log(
    `${"file".padEnd(22)} ${"bytes".padStart(10)} ${"entries".padStart(8)} ${"B/entry".padStart(8)} ${"br".padStart(9)} ${"gzip".padStart(9)}`,
  );
  for (const name of readdirSync(feedsDir)
    .filter((f) => /\.(atom|rss|json)$/.test(f))
    .sort()) {
    const text = readFileSync(path.join(feedsDir, name), "utf8");
    const bytes = Buffer.byteLength(text);
    const entries = name.endsWith(".json")
      ? ((JSON.parse(text) as { items?: unknown[] }).items?.length ?? 0)
      : (text.match(name.endsWith(".rss") ? /<item\b/g : /<entry\b/g) ?? []).length;
    const w = wire.get(name);
    console.log(
      `${name.padEnd(22)} ${String(bytes).padStart(10)} ${String(entries).padStart(8)} ${String(Math.round(bytes / Math.max(entries, 1))).padStart(8)} ${String(w?.br ?? "").padStart(9)} ${String(w?.gzip ?? "").padStart(9)}`,
    );
  }
}

interface Scenario {
  name: string;
  /** Path on the real server. */
  path: string;
  headers: Record<string, string>;
  target: boolean;
}

/** Fetches one scenario from the real server: checks its status and records it for the bare server. */
async function record(
  base: string,
  s: Scenario,
  bareId: string,
  expected: number,
): Promise<RecordedResponse> {
  // undici's request, not fetch: the bytes as sent, not decompressed.
  const res = await request(base + s.path, { headers: s.headers });
  const body = Buffer.from(await res.body.arrayBuffer());
  if (res.statusCode !== expected) {
    throw new Error(`bench: ${s.path} answered ${res.statusCode}, expected ${expected}`);
  }
  return {
    path: `/${bareId}`,
    status: res.statusCode,
    headers: recordable(res.headers),
    bodyBase64: body.toString("base64"),
  };
}

async function parent(): Promise<void> {
  // BENCH_ROOT keeps the generated store and feeds between runs (to iterate on the server alone).
  const keep = process.env.BENCH_ROOT;
  const root = keep ?? path.join(os.tmpdir(), `revfeed-bench-serve-${process.pid}`);
  const cfg = config(root);
  const diffIds = await prepare(root, cfg, keep !== undefined);
  const pins = pinning();
  const load = loadTool(CONNECTIONS, pins.load);
  const node = [process.execPath, "--import", "tsx", SELF];
  const server = await startUrlChild([...pins.server, ...node, "--child", root]);
  let bare: Awaited<ReturnType<typeof startUrlChild>> | undefined;
  try {
    const { url } = server;
    const reader = { "accept-encoding": "gzip, deflate, br" };
    const articleFeed = `/feeds/articles/${readdirSync(path.join(cfg.feedsDir, "articles")).sort()[0]}`;
    const probe = await fetch(`${url}/feeds/ots.atom`, { headers: { "accept-encoding": "identity" } });
    const etag = probe.headers.get("etag") ?? "";
    await probe.arrayBuffer();
    const scenarios: (Scenario & { status: number })[] = [
      {
        name: "feed 304 (If-None-Match)",
        path: "/feeds/ots.atom",
        headers: { ...reader, "if-none-match": etag.replace(/"$/, '-br"') },
        target: true,
        status: 304,
      },
      {
        name: "feed 200, br (ots.atom)",
        path: "/feeds/ots.atom",
        headers: reader,
        target: true,
        status: 200,
      },
      { name: "article feed 200, br", path: articleFeed, headers: reader, target: true, status: 200 },
      { name: "feed 200, identity (info)", path: "/feeds/ots.atom", headers: {}, target: false, status: 200 },
    ];
    // The first request per encoding makes the compressed copy; recording also warms the server.
    const recorded = await Promise.all(scenarios.map((s, i) => record(url, s, `s${i}`, s.status)));
    bare = await startUrlChild([...pins.server, ...node, "--bare"], recorded);
    const sizes = recorded.map((r) => Buffer.from(r.bodyBase64, "base64").length);
    console.log(
      `server ${url} (pid ${server.child.pid}), bare node:http ${bare.url} (pid ${bare.child.pid})`,
    );
    console.log(
      `${pins.note}; load tool: ${load.name}; ${ROUNDS} rounds × ${DURATION_S} s per server and request`,
    );
    await load.run(`${url}${scenarios[0]?.path}`, scenarios[0]?.headers ?? {}, 2); // JIT warm-up

    // Each run also notes the server's CPU time per response: unlike req/s, it does not depend on what
    // else the machine is running, and 1e6 / (µs per response) is what one free core could serve.
    const measure = async (
      target: Awaited<typeof server>,
      runUrl: string,
      headers: Record<string, string>,
    ) => {
      const before = await cpuOf(target.child);
      const result = await load.run(runUrl, headers, DURATION_S);
      return { ...result, cpuUs: ((await cpuOf(target.child)) - before) / Math.max(result.requests, 1) };
    };
    type Measured = Awaited<ReturnType<typeof measure>>;
    const results = scenarios.map(() => ({ ours: [] as Measured[], bare: [] as Measured[] }));
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, s] of scenarios.entries()) {
        const slot = results[i] as (typeof results)[number];
        slot.bare.push(await measure(bare, `${bare.url}/s${i}`, s.headers));
        slot.ours.push(await measure(server, url + s.path, s.headers));
      }
    }

    const diffTimes: number[] = [];
    for (let i = 0; i < DIFF_SAMPLES; i++) {
      const id = diffIds[i % diffIds.length];
      const start = performance.now();
      const res = await fetch(`${url}/articles/${id}/diff`);
      await res.text();
      if (res.status !== 200) throw new Error(`bench: diff page for article ${id} answered ${res.status}`);
      diffTimes.push(performance.now() - start);
    }
    const diffMedian = median(diffTimes.slice(20));

    const fmt = (n: number) => String(Math.round(n)).padStart(7);
    console.log("");
    console.log(
      `${"request".padEnd(27)} ${"bytes".padStart(8)} ${"req/s".padStart(7)} ${"bare".padStart(7)} ${"ratio".padStart(6)}  target  (median of rounds; p50 latency; errors)`,
    );
    for (const [i, s] of scenarios.entries()) {
      const { ours, bare: ceiling } = results[i] as (typeof results)[number];
      const rps = median(ours.map((r) => r.rps));
      const ceilingRps = median(ceiling.map((r) => r.rps));
      const ratio = median(ours.map((r, k) => r.rps / (ceiling[k]?.rps ?? Number.NaN)));
      const target = s.target ? `${(rps / FEED_TARGET_RPS).toFixed(2)}×` : "info";
      const errors = ours.reduce((n, r) => n + r.errors, 0);
      const cpu = median(ours.map((r) => r.cpuUs));
      const bareCpu = median(ceiling.map((r) => r.cpuUs));
      console.log(
        `${s.name.padEnd(27)} ${String(sizes[i]).padStart(8)} ${fmt(rps)} ${fmt(ceilingRps)} ${ratio.toFixed(2).padStart(6)}  ${target.padStart(6)}  ${cpu.toFixed(0).padStart(7)} ${bareCpu.toFixed(0).padStart(5)} ${fmt(1e6 / cpu).slice(1)}  (rounds ${ours.map((r) => Math.round(r.rps)).join("/")} vs ${ceiling.map((r) => Math.round(r.rps)).join("/")}; p50 ${median(ours.map((r) => r.p50Ms)).toFixed(2)} ms; errors ${errors})`,
      );
    }
    console.log(
      `${"diff page median".padEnd(27)} ${`${diffMedian.toFixed(2)} ms`.padStart(24)}  ${(DIFF_TARGET_MS / diffMedian).toFixed(2)}× under <${DIFF_TARGET_MS} ms (${DIFF_SAMPLES - 20} samples, p90 ${[...diffTimes].sort((a, b) => a - b)[Math.floor(diffTimes.length * 0.9)]?.toFixed(2)} ms)`,
    );
    console.log(
      `target: ≥ ${FEED_TARGET_RPS} req/s; cores ${os.availableParallelism()}; load average now ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")}`,
    );
    const wire = new Map<string, { br: number; gzip: number }>();
    for (const name of readdirSync(cfg.feedsDir).filter((f) => /\.(atom|rss|json)$/.test(f))) {
      const sizeOf = async (encoding: string) => {
        const res = await request(`${url}/feeds/${name}`, { headers: { "accept-encoding": encoding } });
        return (await res.body.arrayBuffer()).byteLength;
      };
      wire.set(name, { br: await sizeOf("br"), gzip: await sizeOf("gzip") });
    }
    printFeedSizes(cfg.feedsDir, wire);
  } finally {
    bare?.child.kill("SIGTERM");
    server.child.kill("SIGTERM");
    if (!keep) rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[2] === "--child") await child(process.argv[3] as string);
else if (process.argv[2] === "--bare") bareServerChild();
else await parent();
