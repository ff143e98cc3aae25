import { execFile } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";

/**
 * A real pm2 for tests: its own short PM2_HOME under /tmp (the daemon's socket path must stay under 108
 * bytes), the apps of the repository's ecosystem.config.cjs, and a teardown that kills the daemon and
 * every app by pid even when `pm2 kill` itself fails.
 */

const run = promisify(execFile);
export const REPO = path.resolve(import.meta.dirname, "../..");

/** The Node flags the shipped process file gives the worker (`node_args` of revfeed-worker). */
export function shippedWorkerFlags(): string[] {
  const { apps } = createRequire(import.meta.url)(path.join(REPO, "ecosystem.config.cjs")) as {
    apps: { name: string; node_args?: string[] }[];
  };
  return apps.find((app) => app.name === "revfeed-worker")?.node_args ?? [];
}
const PM2 = path.join(REPO, "node_modules/.bin/pm2");

/**
 * The compiled CLI the apps run. `npm ci` builds dist/ (prepare script), so on a fresh clone it is current;
 * in a working tree where src/ is newer, the tests compile a private copy rather than test stale code.
 */
export async function compiledMain(): Promise<string> {
  const dist = path.join(REPO, "dist/main.js");
  const newestSrc = newestMtime(path.join(REPO, "src"));
  if (existsSync(dist) && statSync(dist).mtimeMs >= newestSrc) return dist;
  const out = path.join(REPO, "node_modules/.cache/revfeed-ops/dist");
  const main = path.join(out, "main.js");
  if (existsSync(main) && statSync(main).mtimeMs >= newestSrc) return main;
  rmSync(out, { recursive: true, force: true });
  // tsc exits non-zero on type errors but still emits; the apps' own start-up tells whether it runs.
  await run(
    process.execPath,
    [path.join(REPO, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json", "--outDir", out],
    {
      cwd: REPO,
    },
  ).catch(() => undefined);
  cpSync(path.join(REPO, "src/store/migrations"), path.join(out, "store/migrations"), { recursive: true });
  return main;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) newest = Math.max(newest, statSync(path.join(e.parentPath, e.name)).mtimeMs);
  }
  return newest;
}

export interface Pm2 {
  home: string;
  cli(...args: string[]): Promise<string>;
  /** The pid pm2 last spawned for an app (its pid file), or null. */
  pid(app: string): number | null;
  status(app: string): Promise<{ status: string; restarts: number; pid: number } | null>;
  teardown(): Promise<void>;
}

export function startPm2(env: NodeJS.ProcessEnv): Pm2 {
  const home = mkdtempSync("/tmp/pm2-");
  const fullEnv = { ...process.env, ...env, PM2_HOME: home };
  const cli = async (...args: string[]) => (await run(PM2, args, { env: fullEnv, cwd: REPO })).stdout;
  const pidFile = (app: string) => path.join(home, "pids", `${app}-0.pid`);
  const pid = (app: string) => {
    try {
      const n = Number(readFileSync(pidFile(app), "utf8"));
      return Number.isInteger(n) && n > 0 ? n : null;
    } catch {
      return null;
    }
  };
  return {
    home,
    cli,
    pid,
    async status(app) {
      const list = JSON.parse(await cli("jlist")) as {
        name: string;
        pid: number;
        pm2_env: { status: string; restart_time: number };
      }[];
      const found = list.find((p) => p.name === app);
      return found
        ? { status: found.pm2_env.status, restarts: found.pm2_env.restart_time, pid: found.pid }
        : null;
    },
    async teardown() {
      const apps = readdirSyncSafe(path.join(home, "pids"))
        .map((f) => Number(readFileSync(path.join(home, "pids", f), "utf8")))
        .filter((n) => n > 0);
      await cli("kill").catch(() => undefined);
      const daemon = Number(readFileSyncSafe(path.join(home, "pm2.pid")));
      for (const p of [...apps, daemon]) killQuietly(p);
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/**
 * Writes a process file that takes the repository's apps and changes only what a test must: the compiled
 * script's path, log files in the test folder, and a quick restart (the shipped exponential back-off would
 * stretch 20 crashes over minutes). Everything else (wait_ready, kill_timeout, env …) is the shipped file.
 */
export function writeAppsFile(dir: string, script: string, only: string[]): string {
  const file = path.join(dir, "apps.config.cjs");
  writeFileSync(
    file,
    `const shipped = require(${JSON.stringify(path.join(REPO, "ecosystem.config.cjs"))});
module.exports = { apps: shipped.apps.filter((a) => ${JSON.stringify(only)}.includes(a.name)).map((a) => {
  const app = { ...a, script: ${JSON.stringify(script)}, out_file: ${JSON.stringify(dir)} + "/" + a.name + ".out.log",
    error_file: ${JSON.stringify(dir)} + "/" + a.name + ".err.log", restart_delay: 50, max_restarts: 10000, min_uptime: 100 };
  delete app.exp_backoff_restart_delay;
  return app;
}) };
`,
  );
  return file;
}

/** The JSON log lines an app wrote to its pm2 out file. Each line must parse: pm2 adds no prefix. */
export function appLogs(dir: string, app: string): Record<string, unknown>[] {
  const text = readFileSyncSafe(path.join(dir, `${app}.out.log`));
  return text
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

export function killQuietly(pid: number): void {
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    // already gone
  }
}

function readdirSyncSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function readFileSyncSafe(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

/** Waits for a condition by polling (the processes under test run on their own wall-clock schedules). */
export async function until<T>(
  what: string,
  check: () => T | Promise<T>,
  timeoutMs: number,
  everyMs = 50,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
