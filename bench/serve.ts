/**
 * Serve benchmark (`npm run bench:serve`): a store of 10,000 generated articles, feeds written by the real
 * publisher, the server in a child process, and autocannon in this process (a second core) measuring
 *   - a feed request (200) as feed readers send it (Accept-Encoding: gzip, deflate, br), and, for
 *     information, one without Accept-Encoding (the whole uncompressed file),
 *   - a cached feed request (If-None-Match → 304),
 * and the median time to fetch a freshly rendered diff page, one request at a time.
 * Targets: ≥ 5,000 req/s for each feed request, < 20 ms median diff page. Prints figures and ratios to the
 * targets; asserts nothing (timings do not belong in tests).
 */
import { type ChildProcess, fork } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer as createHttpServer } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ManualClock, systemClock } from "../src/clock.js";
import { type LoadedConfig, parseConfig } from "../src/config/load.js";
import { createLogger } from "../src/log.js";
import type { Paragraph } from "../src/model.js";
import { startServer } from "../src/serve/server.js";
import { Store } from "../src/store/store.js";
import { createPublisher } from "../src/watch/publisher.js";

interface AutocannonResult {
  requests: { average: number };
  latency: { p50: number; p99: number };
  "2xx": number;
  "3xx": number;
  non2xx: number;
  errors: number;
  timeouts: number;
}
const autocannon = createRequire(import.meta.url)("autocannon") as (options: {
  url: string;
  connections: number;
  pipelining?: number;
  duration: number;
  headers?: Record<string, string>;
}) => Promise<AutocannonResult>;

const ARTICLES = 10_000;
const FEED_TARGET_RPS = 5_000;
const DIFF_TARGET_MS = 20;
const DIFF_SAMPLES = 300;
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);

const SELF = fileURLToPath(import.meta.url);
const WORDS = (
  "министр экономики Азербайджана заседание организации тюркских государств сотрудничество развитие торговли " +
  "инвестиции промышленность технологии инновации председательство саммит декларация соглашение партнёрство " +
  "региона транспорт логистика энергетика цифровой экономики взаимной торговли стран участниц отношения " +
  "подчеркнул отметил сообщает Trend Баку Астана Ташкент Анкара Бишкек 2025 года и в на с по для что как также"
).split(" ");

/** A seeded generator, so every run measures the same store. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
}

/** A bare node:http server answering 304 at once: the ceiling this machine and load tool allow right now. */
function baselineChild(): void {
  const server = createHttpServer((_req, res) => {
    res.writeHead(304, { etag: '"baseline"' });
    res.end();
  });
  server.listen(0, "127.0.0.1", () => {
    process.send?.({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
  });
}

function startChild(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = fork(SELF, args, { execArgv: ["--import", "tsx"], stdio: "inherit" });
  return new Promise((resolve, reject) => {
    child.once("message", (m) => resolve({ child, url: (m as { url: string }).url }));
    child.once("exit", (code) => reject(new Error(`bench: child ${args[0]} exited early with code ${code}`)));
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function parent(): Promise<void> {
  // BENCH_ROOT keeps the generated store and feeds between runs (to iterate on the server alone).
  const keep = process.env.BENCH_ROOT;
  const root = keep ?? path.join(os.tmpdir(), `revfeed-bench-serve-${process.pid}`);
  const cfg = config(root);
  let diffIds: number[];
  if (keep && existsSync(path.join(root, "ids.json"))) {
    diffIds = JSON.parse(readFileSync(path.join(root, "ids.json"), "utf8")) as number[];
    console.log(`store and feeds: reused from ${root}`);
  } else {
    rmSync(root, { recursive: true, force: true });
    mkdirSync(root, { recursive: true });
    let t = performance.now();
    diffIds = buildStore(cfg).diffIds;
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
  }

  const baseline = await startChild(["--baseline"]);
  const ceiling = await autocannon({ url: baseline.url, connections: 50, duration: DURATION_S });
  baseline.child.kill("SIGTERM");

  const { child: server, url } = await startChild(["--child", root]);
  try {
    const feedUrl = `${url}/feeds/ots.atom`;
    const head = await fetch(feedUrl, { headers: { "accept-encoding": "identity" } });
    const etag = head.headers.get("etag") ?? "";
    const size = (await head.arrayBuffer()).byteLength;
    console.log(`server: ${url} (child pid ${server.pid}); ${feedUrl}: ${size} bytes, ETag ${etag}`);

    // Warm-up, then the two measured runs.
    await autocannon({ url: feedUrl, connections: 20, duration: 2 });
    const READER_ENCODINGS = { "accept-encoding": "gzip, deflate, br" };
    const encodedProbe = await fetch(feedUrl, { headers: READER_ENCODINGS });
    const encodedSize = Number(encodedProbe.headers.get("content-length"));
    await encodedProbe.arrayBuffer();
    const full = await autocannon({
      url: feedUrl,
      connections: 50,
      duration: DURATION_S,
      headers: READER_ENCODINGS,
    });
    const articleFeed = `${url}/feeds/articles/${readdirSync(path.join(cfg.feedsDir, "articles"))[0]}`;
    const smallProbe = await fetch(articleFeed, { headers: READER_ENCODINGS });
    const smallSize = Number(smallProbe.headers.get("content-length"));
    await smallProbe.arrayBuffer();
    const small = await autocannon({
      url: articleFeed,
      connections: 50,
      duration: DURATION_S,
      headers: READER_ENCODINGS,
    });
    const identity = await autocannon({ url: feedUrl, connections: 50, duration: DURATION_S });
    const cached = await autocannon({
      url: feedUrl,
      connections: 50,
      duration: DURATION_S,
      headers: { "if-none-match": etag },
    });

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

    const row = (name: string, value: string, ratio: string) =>
      console.log(`${name.padEnd(34)} ${value.padStart(14)}   ${ratio}`);
    console.log("");
    row("measure", "figure", "ratio to target");
    row(
      `feed 200, br (${Math.round(encodedSize / 1024)} KB on the wire)`,
      `${Math.round(full.requests.average)} req/s`,
      `${(full.requests.average / FEED_TARGET_RPS).toFixed(2)}× of ≥${FEED_TARGET_RPS} (p50 ${full.latency.p50} ms, 2xx ${full["2xx"]}, errors ${full.errors + full.timeouts})`,
    );
    row(
      `article feed 200, br (${(smallSize / 1024).toFixed(1)} KB)`,
      `${Math.round(small.requests.average)} req/s`,
      `${(small.requests.average / FEED_TARGET_RPS).toFixed(2)}× of ≥${FEED_TARGET_RPS} (p50 ${small.latency.p50} ms, 2xx ${small["2xx"]})`,
    );
    row(
      `feed 200, identity (${Math.round(size / 1024)} KB)`,
      `${Math.round(identity.requests.average)} req/s`,
      `information only: ${((identity.requests.average * size) / 2 ** 20).toFixed(0)} MiB/s (p50 ${identity.latency.p50} ms)`,
    );
    row(
      "feed 304 (If-None-Match)",
      `${Math.round(cached.requests.average)} req/s`,
      `${(cached.requests.average / FEED_TARGET_RPS).toFixed(2)}× of ≥${FEED_TARGET_RPS} (p50 ${cached.latency.p50} ms, 3xx ${cached["3xx"]}, 2xx ${cached["2xx"]})`,
    );
    row(
      "diff page median",
      `${diffMedian.toFixed(2)} ms`,
      `${(DIFF_TARGET_MS / diffMedian).toFixed(2)}× under <${DIFF_TARGET_MS} ms (${DIFF_SAMPLES - 20} samples, p90 ${[...diffTimes].sort((a, b) => a - b)[Math.floor(diffTimes.length * 0.9)]?.toFixed(2)} ms)`,
    );
    row(
      "bare node:http 304 (ceiling now)",
      `${Math.round(ceiling.requests.average)} req/s`,
      `feed 304 reaches ${((100 * cached.requests.average) / ceiling.requests.average).toFixed(0)}% of it; load average ${os.loadavg()[0]?.toFixed(1)}`,
    );
    console.log(`cores: ${os.availableParallelism()}; server and load generator in separate processes`);
  } finally {
    server.kill("SIGTERM");
    if (!keep) rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[2] === "--child") await child(process.argv[3] as string);
else if (process.argv[2] === "--baseline") baselineChild();
else await parent();
