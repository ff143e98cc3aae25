import { type ChildProcess, fork } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Each measured party (bare fetch loop, watcher, publisher) runs in its own Node process, so its peak RSS is
 * its own and no two share an event loop. The orchestrator drives a child by commands over IPC.
 */

// biome-ignore lint/suspicious/noExplicitAny: each command declares its own params
type Handler = (params: any) => Promise<unknown> | unknown;

interface Reply {
  id: number;
  ok: boolean;
  value?: unknown;
  error?: string;
}

/**
 * A sibling module's path with this module's own extension: `npm run bench` runs the compiled JavaScript
 * (bench/.build, as production runs dist), `tsx bench/…` the TypeScript.
 */
export function sibling(metaUrl: string, name: string): string {
  const self = fileURLToPath(metaUrl);
  return path.join(path.dirname(self), `${name}${path.extname(self)}`);
}

export interface Child {
  call<T>(cmd: string, params?: unknown): Promise<T>;
  stop(): Promise<void>;
}

/** How a child process is started besides its script: Node/V8 flags and environment variables. */
export interface Launch {
  nodeFlags: string[];
  env: Record<string, string>;
}

/**
 * The watcher's and publisher's processes (never the bare loop's) start as the shipped worker does
 * (revfeed-worker in ecosystem.config.cjs): its `node_args`, also in `npm start`, or BENCH_WATCH_FLAGS when
 * set, which may be empty to measure Node's defaults; and its allocator (jemalloc preloaded when
 * installed), or glibc's with BENCH_WATCH_MALLOC=system.
 */
export function watchLaunch(): Launch {
  const worker = shippedWorker();
  const chosen = process.env.BENCH_WATCH_FLAGS;
  const nodeFlags = chosen !== undefined ? chosen.split(" ").filter(Boolean) : (worker.node_args ?? []);
  const { LD_PRELOAD, MALLOC_CONF } = worker.env ?? {};
  const env: Record<string, string> =
    LD_PRELOAD && process.env.BENCH_WATCH_MALLOC !== "system"
      ? { LD_PRELOAD, ...(MALLOC_CONF ? { MALLOC_CONF } : {}) }
      : {};
  return { nodeFlags, env };
}

function shippedWorker(): { node_args?: string[]; env?: Record<string, string> } {
  // Compiled, this module runs from bench/.build/bench/lib; the process file is at the repository's top.
  const self = fileURLToPath(import.meta.url);
  const up = self.includes(`${path.sep}.build${path.sep}`) ? "../../../.." : "../..";
  const file = path.resolve(path.dirname(self), up, "ecosystem.config.cjs");
  const { apps } = createRequire(import.meta.url)(file) as {
    apps: { name: string; node_args?: string[]; env?: Record<string, string> }[];
  };
  const worker = apps.find((app) => app.name === "revfeed-worker");
  if (!worker) throw new Error(`${file}: no revfeed-worker app`);
  return worker;
}

/** BENCH_PROFILE=<dir> writes a V8 CPU profile of every child there (open it in Chrome DevTools). */
export function startChild(
  file: string,
  profileDir = process.env.BENCH_PROFILE,
  launch: Launch = { nodeFlags: [], env: {} },
): Child {
  const profile = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
  const child: ChildProcess = fork(file, [], {
    // Compiled children run as production does; TypeScript ones need tsx's loader.
    execArgv: [
      ...(file.endsWith(".ts") ? ["--import", "tsx"] : []),
      "--expose-gc",
      ...launch.nodeFlags,
      ...profile,
    ],
    env: { ...process.env, ...launch.env },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  let next = 0;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  child.on("message", (m: Reply) => {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.ok) p.resolve(m.value);
    else p.reject(new Error(`${file}: ${m.error}`));
  });
  // A child that died at start (a broken import) must fail the call, not crash the orchestrator.
  child.on("error", (err) => {
    for (const p of pending.values()) p.reject(new Error(`${file}: ${err.message}`));
    pending.clear();
  });
  child.on("exit", (code) => {
    for (const p of pending.values()) p.reject(new Error(`${file} exited with status ${code}`));
    pending.clear();
  });
  return {
    call<T>(cmd: string, params?: unknown): Promise<T> {
      const id = next++;
      return new Promise<T>((resolve, reject) => {
        if (!child.connected)
          return reject(new Error(`${file} is not running (exit status ${child.exitCode})`));
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        child.send({ id, cmd, params });
      });
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.disconnect();
      await exited;
    },
  };
}

/** The child's side: answer commands until the parent disconnects. */
export function serveCommands(handlers: Record<string, Handler>): void {
  process.on("message", async (m: { id: number; cmd: string; params: unknown }) => {
    const handler = handlers[m.cmd];
    try {
      if (!handler) throw new Error(`unknown command ${m.cmd}`);
      const value = await handler(m.params);
      process.send?.({ id: m.id, ok: true, value } satisfies Reply);
    } catch (err) {
      process.send?.({ id: m.id, ok: false, error: (err as Error).stack ?? String(err) } satisfies Reply);
    }
  });
  process.on("disconnect", () => process.exit(0));
}

/** Resident set now and at its peak (MB), after a full GC so "now" is what is really kept. */
export function memory(): { rssMb: number; peakRssMb: number; heapUsedMb: number } {
  (globalThis as { gc?: () => void }).gc?.();
  const mb = (b: number) => Math.round((b / 1048576) * 10) / 10;
  return {
    rssMb: mb(process.memoryUsage().rss),
    peakRssMb: mb(process.resourceUsage().maxRSS * 1024),
    heapUsedMb: mb(process.memoryUsage().heapUsed),
  };
}

/** CPU time (user + system, all threads of this process) spent since `since` was taken, in ms. */
export function cpuMsSince(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return Math.round((used.user + used.system) / 1000);
}
