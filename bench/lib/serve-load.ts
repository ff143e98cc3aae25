/**
 * Load generation for bench/serve.ts: wrk (Debian package `wrk`) in its own process, pinned to a core with
 * taskset when the machine has two; autocannon inside the bench process when wrk is missing. And the
 * ceiling: a bare node:http server replaying the exact responses (headers and bytes) the real server sent.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import os from "node:os";

export interface LoadResult {
  rps: number;
  /** Responses completed during the run. */
  requests: number;
  p50Ms: number;
  /** Socket errors, timeouts and responses >= 400. */
  errors: number;
}

export interface LoadTool {
  name: string;
  run(url: string, headers: Record<string, string>, seconds: number): Promise<LoadResult>;
}

/** CPU pinning: the server on core 0, the load tool on core 1, when there are two cores and taskset. */
export function pinning(): { server: string[]; load: string[]; note: string } {
  const cores = os.availableParallelism();
  const taskset = spawnSync("taskset", ["-V"]).error === undefined;
  if (cores >= 2 && taskset) {
    return {
      server: ["taskset", "-c", "0"],
      load: ["taskset", "-c", "1"],
      note: `server on CPU 0, load tool on CPU 1 (taskset; ${cores} cores)`,
    };
  }
  return {
    server: [],
    load: [],
    note: `not pinned (${cores} cores, taskset ${taskset ? "present" : "missing"})`,
  };
}

function hasWrk(): boolean {
  return spawnSync("wrk", ["--version"]).error === undefined;
}

function run(command: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command[0] as string, command.slice(1), { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
    });
    child.stderr.on("data", (chunk) => {
      out += chunk;
    });
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`bench: ${command.join(" ")} exited ${code}: ${out}`)),
    );
  });
}

function toMs(value: string, unit: string): number {
  const n = Number(value);
  return unit === "us" ? n / 1000 : unit === "s" ? n * 1000 : n;
}

/** Parses wrk's report (with --latency). */
export function parseWrk(out: string): LoadResult {
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? Number.NaN);
  const p50 = /^\s+50%\s+([\d.]+)(us|ms|s)\s*$/m.exec(out);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
  const socketErrors = socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0;
  const requests = Number(/(\d+) requests in /.exec(out)?.[1] ?? Number.NaN);
  if (!Number.isFinite(rps)) throw new Error(`bench: cannot read wrk's report:\n${out}`);
  return {
    rps,
    requests,
    p50Ms: p50 ? toMs(p50[1] as string, p50[2] as string) : Number.NaN,
    errors: non2xx + socketErrors,
  };
}

/** wrk with one thread and `connections` keep-alive connections, or autocannon when wrk is missing. */
export function loadTool(connections: number, prefix: string[]): LoadTool {
  if (hasWrk()) {
    return {
      name: `wrk -t1 -c${connections}${prefix.length > 0 ? ` (${prefix.join(" ")})` : ""}, a separate process`,
      async run(url, headers, seconds) {
        const headerArgs = Object.entries(headers).flatMap(([k, v]) => ["-H", `${k}: ${v}`]);
        const args = ["wrk", "-t1", `-c${connections}`, `-d${seconds}s`, "--latency", ...headerArgs, url];
        return parseWrk(await run([...prefix, ...args]));
      },
    };
  }
  const autocannon = createRequire(import.meta.url)("autocannon") as (options: object) => Promise<{
    requests: { average: number; total: number };
    latency: { p50: number };
    non2xx: number;
    errors: number;
    timeouts: number;
  }>;
  return {
    name: `autocannon -c${connections} in the bench process (wrk not installed: apt-get install wrk)`,
    async run(url, headers, seconds) {
      const r = await autocannon({ url, connections, duration: seconds, headers });
      // autocannon counts 304 as non-2xx; wrk only counts >= 400, and so does this figure.
      return {
        rps: r.requests.average,
        requests: r.requests.total,
        p50Ms: r.latency.p50,
        errors: r.errors + r.timeouts,
      };
    },
  };
}

/** A response recorded from the real server, to be replayed by the bare one. */
export interface RecordedResponse {
  path: string;
  status: number;
  headers: Record<string, string>;
  bodyBase64: string;
}

/** Headers Node's http server adds by itself: not part of what is replayed. */
const OWN_HEADERS = new Set(["date", "connection", "keep-alive", "transfer-encoding"]);

export function recordable(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) {
    if (value !== undefined && !OWN_HEADERS.has(key))
      kept[key] = Array.isArray(value) ? value.join(", ") : value;
  }
  return kept;
}

/**
 * The bare ceiling, run in a child process: `node:http` answering each path with a recorded response,
 * Buffer and headers prepared once, nothing else. Same keep-alive timeout as Fastify's default.
 */
export function bareServerChild(): void {
  process.once("message", (message) => {
    const routes = new Map(
      (message as RecordedResponse[]).map((r) => [
        r.path,
        { status: r.status, headers: r.headers, body: Buffer.from(r.bodyBase64, "base64") },
      ]),
    );
    const server = createServer((req, res) => {
      const route = routes.get(req.url ?? "");
      if (!route) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(route.status, route.headers);
      res.end(route.status === 304 || req.method === "HEAD" ? undefined : route.body);
    });
    server.keepAliveTimeout = 72_000;
    server.listen(0, "127.0.0.1", () => {
      process.send?.({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
      answerCpuQueries();
    });
  });
}

/** Starts `command` (node re-running a bench file, maybe under taskset) and waits for the URL it reports. */
export function startUrlChild(
  command: string[],
  firstMessage?: unknown,
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(command[0] as string, command.slice(1), {
    stdio: ["inherit", "inherit", "inherit", "ipc"],
  });
  if (firstMessage !== undefined) child.send(firstMessage as object);
  return new Promise((resolve, reject) => {
    child.once("message", (m) => resolve({ child, url: (m as { url: string }).url }));
    child.once("exit", (code) =>
      reject(new Error(`bench: ${command.join(" ")} exited early with code ${code}`)),
    );
  });
}

/**
 * In a server child: answers "cpu" with its CPU time used so far (user + system, µs). CPU per request does
 * not depend on how many other processes share the machine, unlike requests per second.
 */
export function answerCpuQueries(): void {
  process.on("message", (message) => {
    if (message === "cpu") {
      const { user, system } = process.cpuUsage();
      process.send?.({ cpuUs: user + system });
    }
  });
}

/** The CPU time (µs) a server child has used so far. */
export function cpuOf(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    const onMessage = (message: unknown) => {
      const cpuUs = (message as { cpuUs?: number }).cpuUs;
      if (typeof cpuUs !== "number") return;
      child.off("message", onMessage);
      resolve(cpuUs);
    };
    child.on("message", onMessage);
    child.send("cpu");
  });
}
