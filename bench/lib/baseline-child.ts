/**
 * The bare-fetch baseline: a plain undici fetch loop over the same URLs at the same concurrency, reading each
 * body as text and nothing else. `full` asks unconditionally; `conditional` sends the validators the last
 * full pass (or `refresh`) saw (If-None-Match and If-Modified-Since, as the watcher does) and reads whatever
 * comes back. `parsed` is `full` with each body tokenized on a worker thread (parse-floor.ts).
 *
 * `BENCH_BARE_FETCH=builtin` uses Node's own `fetch` with its default pool instead: the issue asks for "a
 * plain Node fetch loop", and undici 7's fetch with a sized pool is the faster (stricter) of the two here.
 */
import { Agent, fetch } from "undici";
import { cpuMsSince, memory, serveCommands } from "./child.js";
import { startTokenizer, type Tokenizer } from "./parse-floor.js";

const builtin = process.env.BENCH_BARE_FETCH === "builtin";
let agent: Agent | null = null;
let tokenizer: Tokenizer | null = null;
const validators = new Map<string, { etag: string | null; lastModified: string | null }>();

/** What is done with each response: read it, and say how many characters (or tags) it held. */
interface BareResponse {
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
  headers: { get(name: string): string | null };
}
type Consume = (res: BareResponse) => Promise<number>;
const readText: Consume = async (res) => (await res.text()).length;

async function loop(
  urls: string[],
  concurrency: number,
  conditional: boolean,
  remember: boolean,
  consume: Consume = readText,
) {
  agent ??= new Agent({ keepAliveTimeout: 30_000, connections: concurrency });
  const dispatcher = agent;
  let next = 0;
  let bytes = 0;
  const started = performance.now();
  const cpu = process.cpuUsage();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, urls.length) }, async () => {
      for (let i = next++; i < urls.length; i = next++) {
        const url = urls[i] as string;
        const headers: Record<string, string> = {};
        const known = conditional ? validators.get(url) : undefined;
        if (known?.etag) headers["if-none-match"] = known.etag;
        if (known?.lastModified) headers["if-modified-since"] = known.lastModified;
        const res = builtin
          ? await globalThis.fetch(url, { headers })
          : await fetch(url, { dispatcher, headers });
        bytes += await consume(res);
        if (remember) {
          validators.set(url, {
            etag: res.headers.get("etag"),
            lastModified: res.headers.get("last-modified"),
          });
        }
      }
    }),
  );
  const wallMs = performance.now() - started;
  return { wallMs, cpuMs: cpuMsSince(cpu), requests: urls.length, chars: bytes, ...memory() };
}

async function parsed(urls: string[], concurrency: number) {
  tokenizer ??= await startTokenizer();
  const tokenize = tokenizer;
  const consume: Consume = async (res) => await tokenize.tags(new Uint8Array(await res.arrayBuffer()));
  return await loop(urls, concurrency, false, false, consume);
}

serveCommands({
  full: (p: { urls: string[]; concurrency: number }) => loop(p.urls, p.concurrency, false, true),
  conditional: (p: { urls: string[]; concurrency: number }) => loop(p.urls, p.concurrency, true, false),
  /** A conditional pass that keeps what it saw, as a client would: the next round of edits starts from here. */
  refresh: (p: { urls: string[]; concurrency: number }) => loop(p.urls, p.concurrency, true, true),
  parsed: (p: { urls: string[]; concurrency: number }) => parsed(p.urls, p.concurrency),
});
