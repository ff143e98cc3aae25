import { readFileSync } from "node:fs";

/**
 * Which C allocator serves this process: "jemalloc" when it is preloaded (the pm2 process file does that
 * for the worker when the library is installed), "system" otherwise, null where /proc is missing (not
 * Linux). Logged at start so an operator can see which one a worker's memory figures come from.
 */
export function mallocInUse(maps = "/proc/self/maps"): "jemalloc" | "system" | null {
  let mapped: string;
  try {
    mapped = readFileSync(maps, "utf8");
  } catch {
    return null;
  }
  return /\/libjemalloc[^/\n]*$/m.test(mapped) ? "jemalloc" : "system";
}
