import { readdirSync, readFileSync } from "node:fs";

/**
 * CPU time per thread of this process, from /proc (Linux only; empty elsewhere), by thread id ("main" for
 * the main thread). Node 20 names every other thread "node": V8's helpers (garbage collection, compiler),
 * libuv's pool and worker_threads alike, so an analysis thread shows as the busiest of the rest.
 */
export function threadCpuMs(): Map<string, number> {
  const ticksPerMs = 100 / 1000; // USER_HZ is 100 on every Linux Node supports
  const byThread = new Map<string, number>();
  let tasks: string[];
  try {
    tasks = readdirSync("/proc/self/task");
  } catch {
    return byThread;
  }
  for (const task of tasks) {
    try {
      const stat = readFileSync(`/proc/self/task/${task}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const ticks = Number(fields[11]) + Number(fields[12]);
      byThread.set(task === String(process.pid) ? "main" : task, ticks / ticksPerMs);
    } catch {
      // the thread ended between listing and reading
    }
  }
  return byThread;
}

/** What each thread used between two threadCpuMs() readings, largest first: "main 2100, 6843 1200, …". */
export function threadCpuDelta(before: Map<string, number>, after: Map<string, number>): string {
  return [...after]
    .map(([thread, ms]) => [thread, ms - (before.get(thread) ?? 0)] as const)
    .filter(([, ms]) => ms > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([thread, ms]) => `${thread} ${Math.round(ms)}`)
    .join(", ");
}
