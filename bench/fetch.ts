/**
 * The fetcher's own cost: pages per second over loopback through createFetcher().get (limits, charset,
 * politeness bookkeeping) against a bare undici fetch loop on the same keep-alive pool settings.
 * Run: npx tsx bench/fetch.ts [pages] [concurrency]
 */
import { fork } from "node:child_process";
import { Agent, fetch } from "undici";
import { systemClock } from "../src/clock.js";
import { fetchSchema } from "../src/config/schema.js";
import { createFetcher } from "../src/fetch/fetcher.js";

const pages = Number(process.argv[2] ?? 5_000);
const concurrency = Number(process.argv[3] ?? 8);
const paragraph =
  "<p>В Баку проходит второе заседание министров Организации тюркских государств (ОТГ).</p>\n";
const body = Buffer.from(
  `<!doctype html><html><head><meta charset="utf-8"></head><body>${paragraph.repeat(150)}</body></html>`,
);

// The server runs in its own process so it does not share the event loop being measured.
const serverCode = `
  const body = Buffer.from(process.env.BODY, "base64");
  require("node:http").createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", etag: '"v1"' }).end(body);
  }).listen(0, "127.0.0.1", function () { process.send(this.address().port); });
`;
const child = fork("-e", [serverCode], {
  execArgv: [],
  env: { BODY: body.toString("base64") },
  stdio: ["ignore", "inherit", "inherit", "ipc"],
});
// biome-ignore lint/suspicious/noExplicitAny: a fork's first message is its port
const port: number = await new Promise((resolve) => child.once("message", resolve as (m: any) => void));
const origin = `http://127.0.0.1:${port}`;

async function run(label: string, one: (i: number) => Promise<number>): Promise<void> {
  let next = 0;
  let bytes = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < pages) bytes += await one(next++);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${label.padEnd(34)} ${Math.round(pages / seconds)
      .toString()
      .padStart(
        6,
      )} pages/s  (${pages} pages of ${body.length} B, ${concurrency} at once, ${(bytes / 1e6).toFixed(1)} MB)`,
  );
}

const agent = new Agent({ keepAliveTimeout: 30_000, connections: concurrency });
const bare = async (i: number) => {
  const res = await fetch(`${origin}/a/${i}`, { dispatcher: agent });
  return (await res.text()).length;
};
const fetcher = createFetcher(
  fetchSchema.parse({ allowPrivateNetworks: true, perHostDelayMs: 0, perHostConcurrency: concurrency }),
  { clock: systemClock, isAllowedHost: () => true },
);
const full = async (i: number) => {
  const r = await fetcher.get({ url: `${origin}/a/${i}` });
  if (r.kind !== "ok") throw new Error(`bench fetch failed: ${JSON.stringify(r)}`);
  return r.text.length;
};

// Warm up both paths (JIT, connections), then measure each twice, alternating.
await run("warm-up: bare undici fetch", bare);
await run("warm-up: revfeed fetcher", full);
for (let round = 1; round <= 2; round++) {
  await run(`bare undici fetch (round ${round})`, bare);
  await run(`revfeed fetcher.get (round ${round})`, full);
}
await fetcher.close();
await agent.close();
child.kill();
