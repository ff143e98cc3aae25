import { execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { mallocInUse } from "../../src/malloc.js";
import { REPO } from "./pm2-harness.js";

/**
 * The worker's allocator: ecosystem.config.cjs preloads jemalloc into the worker app (and no other) when
 * the library is installed (.ci/run installs Debian's libjemalloc2), REVFEED_MALLOC=system opts out, and
 * the worker can tell which one it runs on.
 */

/** The apps' env as the process file builds it when `pm2 start` runs with `env`. */
function appEnvs(env: Record<string, string>): Record<string, Record<string, string>> {
  const script = `const { apps } = require(${JSON.stringify(path.join(REPO, "ecosystem.config.cjs"))});
console.log(JSON.stringify(Object.fromEntries(apps.map((a) => [a.name, a.env]))));`;
  const { LD_PRELOAD: _, REVFEED_MALLOC: __, MALLOC_CONF: ___, ...inherited } = process.env;
  return JSON.parse(
    execFileSync(process.execPath, ["-e", script], { encoding: "utf8", env: { ...inherited, ...env } }),
  );
}

/** Starts a Node process with `env`, reads its allocator from /proc/<pid>/maps, stops it. */
async function mallocOfChild(env: Record<string, string>): Promise<string | null> {
  const { LD_PRELOAD: _, ...inherited } = process.env;
  const child = spawn(process.execPath, ["-e", "console.log('up'); setInterval(() => {}, 1000)"], {
    env: { ...inherited, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  try {
    await once(child.stdout, "data"); // exec'd and running: its maps are its own, not the parent's
    return mallocInUse(`/proc/${child.pid}/maps`);
  } finally {
    child.kill("SIGKILL");
  }
}

describe("the worker's allocator", () => {
  const JEMALLOC = appEnvs({})["revfeed-worker"]?.LD_PRELOAD ?? "(not installed)";

  it("is jemalloc when installed, for the worker only, keeping an LD_PRELOAD already set", () => {
    const envs = appEnvs({});
    // .ci/run installs libjemalloc2; the process file finds it where the distribution puts it.
    expect(envs["revfeed-worker"]?.LD_PRELOAD).toMatch(/\/libjemalloc\.so\.2$/);
    expect(existsSync(JEMALLOC)).toBe(true);
    expect(envs["revfeed-worker"]?.MALLOC_CONF).toBe("dirty_decay_ms:1000,muzzy_decay_ms:0");
    expect(appEnvs({ MALLOC_CONF: "narenas:1" })["revfeed-worker"]?.MALLOC_CONF).toBe("narenas:1");
    expect(envs["revfeed-server"]?.LD_PRELOAD).toBeUndefined();
    expect(appEnvs({ LD_PRELOAD: "/opt/other.so" })["revfeed-worker"]?.LD_PRELOAD).toBe(
      `${JEMALLOC} /opt/other.so`,
    );
  });

  it("is the system's when REVFEED_MALLOC=system", () => {
    const worker = appEnvs({ REVFEED_MALLOC: "system" })["revfeed-worker"];
    expect(worker?.LD_PRELOAD).toBeUndefined();
    expect(worker?.MALLOC_CONF).toBeUndefined();
  });

  it("is told apart from /proc/<pid>/maps: preloaded, plain, or no /proc", async () => {
    expect(await mallocOfChild({ LD_PRELOAD: JEMALLOC })).toBe("jemalloc");
    expect(await mallocOfChild({})).toBe("system");
    expect(mallocInUse("/proc/no-such-process/maps")).toBeNull();
  });
});
