import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO, shippedWorkerFlags } from "./pm2-harness.js";

/**
 * The worker's V8 heap flags (ecosystem.config.cjs `node_args`, repeated in `npm start`): both ways of
 * running it get them, this Node accepts them (an unknown V8 flag would stop the worker from starting at
 * all), and they really do what they are for: a small young generation and one V8 helper thread.
 */

/** Runs a script in a fresh Node with `flags`; its stdout, parsed as JSON. */
function nodeWith(flags: string[], script: string): unknown {
  return JSON.parse(execFileSync(process.execPath, [...flags, "-e", script], { encoding: "utf8" }));
}

/** Allocates ~200 MB of short-lived objects, then reports the largest the new space got. */
const CHURN = `
const v8 = require("node:v8");
let keep = [], most = 0;
for (let i = 0; i < 2000; i++) {
  keep.push(new Array(1000).fill(i));
  if (keep.length > 200) keep = [];
  const space = v8.getHeapSpaceStatistics().find((s) => s.space_name === "new_space");
  most = Math.max(most, space.space_size);
}
const threads = require("node:fs").readdirSync("/proc/self/task").length;
console.log(JSON.stringify({ execArgv: process.execArgv, newSpaceMb: most / 1048576, threads }));`;

describe("the worker's Node flags", () => {
  const flags = shippedWorkerFlags();

  it("are set for the pm2 worker app and passed by npm start before the script", () => {
    expect(flags.length).toBeGreaterThan(0);
    const pkg = JSON.parse(readFileSync(path.join(REPO, "package.json"), "utf8")) as {
      scripts: Record<string, string>;
    };
    const words = (pkg.scripts.start ?? "").split(/\s+/);
    const script = words.indexOf("dist/main.js");
    expect(script).toBeGreaterThan(0);
    expect(words.slice(1, script)).toEqual(flags);
  });

  it("are accepted by this Node, keep the young generation small and start one V8 helper thread", () => {
    type Run = { execArgv: string[]; newSpaceMb: number; threads: number };
    const shipped = nodeWith(flags, CHURN) as Run;
    const defaults = nodeWith([], CHURN) as Run;
    expect(shipped.execArgv.slice(0, flags.length)).toEqual(flags);
    // Two 1 MB semi-spaces at most, where Node's defaults grow the new space well past that under churn.
    expect(shipped.newSpaceMb).toBeLessThanOrEqual(2);
    expect(defaults.newSpaceMb).toBeGreaterThan(shipped.newSpaceMb * 2);
    // Node starts four V8 platform threads by default; --v8-pool-size=1 leaves one.
    expect(defaults.threads - shipped.threads).toBe(3);
  });
});
