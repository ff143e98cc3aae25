import { type Dirent, readdirSync, unlinkSync } from "node:fs";
import path from "node:path";

/** The temp names publish/write-files.ts writes before its rename: `.<name>.<pid>.<n>.tmp`. */
const TEMP_NAME = /^\..+\.(\d+)\.\d+\.tmp$/;

/**
 * Removes temp files left by a publisher that was killed mid-write (SIGKILL, power loss). Files of a
 * process that is still alive are left alone: it may be writing them right now. Returns the removed paths.
 */
export function removeStaleTemps(feedsDir: string, isAlive: (pid: number) => boolean): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(feedsDir, { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const entry of entries) {
    const match = entry.isFile() ? TEMP_NAME.exec(entry.name) : null;
    if (!match || isAlive(Number(match[1]))) continue;
    const file = path.join(entry.parentPath, entry.name);
    try {
      unlinkSync(file);
      removed.push(file);
    } catch {
      // already gone, or not ours to remove: harmless either way
    }
  }
  return removed;
}

/** Whether a process id is running (signal 0 only checks). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
