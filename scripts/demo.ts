/**
 * `npm run demo`: revfeed end to end without any network. Local news sites replay the seed story being
 * updated over about a minute (plus English, Azerbaijani and unrelated stories); the worker (`revfeed watch`)
 * runs on a fast six-field cron schedule and the web server (`revfeed serve`) shows feeds, pages and diffs.
 * Ctrl-C stops everything cleanly.
 */
import { createWriteStream, mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { Readable, Writable } from "node:stream";
import { runCli } from "../src/cli/program.js";
import { systemClock } from "../src/clock.js";
import { NewsSite } from "../test/support/news-site.js";
import { demoTimeline, loadSeed, type SiteName } from "./demo/timeline.js";

const repo = path.resolve(import.meta.dirname, "..");
const dir = mkdtempSync(path.join(os.tmpdir(), "revfeed-demo-"));
const say = (line: string) => process.stdout.write(`${line}\n`);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const sites: Record<SiteName, NewsSite> = {
  ru: await new NewsSite({ layout: "trend", lang: "ru" }).start(),
  en: await new NewsSite({ layout: "trend", lang: "en" }).start(),
  az: await new NewsSite({ layout: "trend", lang: "az" }).start(),
};
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const configFile = path.join(dir, "revfeed.config.yaml");
writeFileSync(
  configFile,
  `# Written by scripts/demo.ts: local sites, a seconds-based schedule, short re-check intervals.
stateDir: state
feedsDir: feeds
baseUrl: ${base}
fetch: { allowPrivateNetworks: true, perHostDelayMs: 0 }
schedule: { poll: "*/5 * * * * *", recheck: "*/2 * * * * *" }
watch:
  developingEveryMinutes: 0.05
  finalChecks: 2
  finalCheckEveryMinutes: 0.1
  tiers: [{ withinHours: 24, everyMinutes: 0.2 }]
serve: { port: ${port} }
sources:
  - { id: trend-ru, url: "${sites.ru.feedUrl}", profile: trend, lang: ru }
  - { id: trend-en, url: "${sites.en.feedUrl}", profile: trend, lang: en }
  - { id: trend-az, url: "${sites.az.feedUrl}", profile: trend, lang: az }
publish:
  - { name: ots, title: "Organization of Turkic States: news and revisions", tags: [ots] }
  - { name: all, title: "All watched stories: news and revisions" }
`,
);

// Full JSON logs go to a file; the console gets one line per new revision.
const logFile = createWriteStream(path.join(dir, "revfeed.log"));
const pages = new Set<number>();
function logSink(): Writable {
  let rest = "";
  return new Writable({
    write(chunk, _enc, done) {
      logFile.write(chunk);
      const lines = (rest + String(chunk)).split("\n");
      rest = lines.pop() ?? "";
      for (const line of lines) summarize(line);
      done();
    },
  });
}
function summarize(line: string): void {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return;
  }
  if (entry.msg === "new revision") {
    const id = Number(entry.article_id);
    const labels = Array.isArray(entry.labels) ? entry.labels.join(", ") : "";
    say(`  revision ${entry.seq} of article ${id} (${entry.source_id}) [${labels}]`);
    if (!pages.has(id)) {
      pages.add(id);
      say(`    page: ${base}/articles/${id}`);
    }
    // A diff needs two revisions: before the second one the diff page answers 404.
    if (Number(entry.seq) >= 2) say(`    diff: ${base}/articles/${id}/diff`);
  } else if (typeof entry.level === "number" && entry.level >= 50) {
    say(`  ${String(entry.msg)}`);
  }
}

const shutdownHandlers: ((signal: string) => void)[] = [];
const io = () => ({
  stdout: logSink(),
  stderr: process.stderr,
  stdin: Readable.from([]),
  env: { REVFEED_CONFIG: configFile },
  cwd: dir,
  clock: systemClock,
  isTTY: false,
  onShutdownSignal(handler: (signal: string) => void) {
    shutdownHandlers.push(handler);
    return () => {
      const i = shutdownHandlers.indexOf(handler);
      if (i >= 0) shutdownHandlers.splice(i, 1);
    };
  },
  notifyReady() {},
});

const timeline = demoTimeline(loadSeed(repo));
const timers: NodeJS.Timeout[] = [];
for (const step of timeline) {
  const apply = () => {
    sites[step.site].put(step.story);
    say(`[${String(step.at).padStart(2)} s] site: ${step.note}`);
  };
  if (step.at === 0) apply();
  else timers.push(setTimeout(apply, step.at * 1000));
}

const server = runCli(["serve"], io());
const worker = runCli(["watch"], io());
say(`
revfeed demo (state, feeds and logs in ${dir})
  articles: ${base}/
  feeds:    ${base}/feeds/ots.atom   ${base}/feeds/ots.revisions.atom
            ${base}/feeds/all.rss    ${base}/feeds/all.revisions.json
  the seed story changes for about a minute; revisions appear below. Ctrl-C stops.
`);

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  say(`\n${signal}: stopping the worker, the server and the local sites…`);
  for (const t of timers) clearTimeout(t);
  for (const handler of [...shutdownHandlers]) handler(signal);
  const codes = await Promise.all([worker, server]);
  await Promise.all(Object.values(sites).map((s) => s.stop()));
  await new Promise((resolve) => logFile.end(resolve));
  say(`stopped (exit codes ${codes.join(", ")}); files kept in ${dir}`);
  process.exitCode = Math.max(...codes);
}
process.once("SIGINT", () => void stop("SIGINT"));
process.once("SIGTERM", () => void stop("SIGTERM"));
// A command that fails at start (a bad config, a busy port) ends the demo too.
void Promise.race([worker, server]).then(() => stop("exit"));
