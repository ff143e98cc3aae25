import { mkdir, open, readFile, rename, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/**
 * Atomic, change-only file writing: a reader never sees a half-written feed (temporary file in the same
 * folder, fsync, rename), and a feed whose bytes did not change is left alone, so its mtime, and with it
 * HTTP caching (Last-Modified, ETag), stays valid. A batch writes several files at once (fsync waits on
 * the disk, and the disk takes several at a time) and syncs each folder once, after its last rename.
 */

export interface OutputFile {
  /** Path relative to the output folder, with `/` separators (`ots.atom`, `articles/12.atom`). */
  path: string;
  content: string;
}

/** A file already encoded (UTF-8), as the byte runs it is made of. */
export interface OutputBytes {
  path: string;
  bytes: Buffer[];
  /** The caller knows the file on disk holds other bytes (it wrote them): no need to read it back. */
  differs?: boolean;
}

/** Files in flight at once: enough to keep the disk and libuv's four threads busy. */
const CONCURRENCY = 8;

let tempCounter = 0;

async function readIfExists(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (err) {
    // A folder in the way is reported by the rename below, which names the file.
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "EISDIR") return null;
    throw new Error(`publish: cannot read ${path}: ${(err as Error).message}`, { cause: err });
  }
}

/** fsync the folder so the renames in it survive a crash; some file systems refuse, which is harmless. */
async function syncDir(dir: string): Promise<void> {
  try {
    const handle = await open(dir, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // best effort: the file data is already synced
  }
}

/** A new file, and its folder if that is missing (the folder usually exists: no mkdir call per file). */
async function openNew(path: string) {
  try {
    return await open(path, "wx", 0o644);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
    await mkdir(dirname(path), { recursive: true });
    return await open(path, "wx", 0o644);
  }
}

/** Whether `existing` holds exactly the bytes of `parts`, run after run. */
function sameBytes(existing: Buffer, parts: Buffer[]): boolean {
  let at = 0;
  for (const part of parts) {
    if (at + part.length > existing.length || !part.equals(existing.subarray(at, at + part.length)))
      return false;
    at += part.length;
  }
  return at === existing.length;
}

/** Temp file, fsync, rename over `path`, unless `path` already holds these bytes; true when replaced. */
async function replaceIfChanged(path: string, parts: Buffer[], differs = false): Promise<boolean> {
  if (!differs) {
    const existing = await readIfExists(path);
    if (existing && sameBytes(existing, parts)) return false;
  }
  const dir = dirname(path);
  tempCounter += 1;
  const temp = join(dir, `.${basename(path)}.${process.pid}.${tempCounter}.tmp`);
  try {
    const handle = await openNew(temp);
    try {
      const size = parts.reduce((n, p) => n + p.length, 0);
      const { bytesWritten } = await handle.writev(parts);
      if (bytesWritten !== size) throw new Error(`wrote ${bytesWritten} of ${size} bytes`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw new Error(`publish: cannot write ${path}: ${(err as Error).message}`, { cause: err });
  }
  return true;
}

/** Write `content` to `path` atomically unless it already holds these bytes; true when written. */
export async function writeFileIfChanged(path: string, content: string): Promise<boolean> {
  const written = await replaceIfChanged(path, [Buffer.from(content, "utf8")]);
  if (written) await syncDir(dirname(path));
  return written;
}

/** A relative path with an empty or `..` part could land outside the feeds folder. */
function leavesFolder(path: string): boolean {
  return path.split("/").some((part) => part === ".." || part === "");
}

const outsideError = (path: string) =>
  new Error(`publish: refusing to write outside the feeds folder: ${path}`);

/**
 * Files written as they are handed over, up to CONCURRENCY at once, so that a caller still rendering the
 * next files keeps the disk busy meanwhile. A file's bytes are let go as soon as it is written, and a
 * caller that awaits `room()` before rendering more never has more than a few files' bytes waiting: a
 * publish that renders hundreds of article feeds holds a handful of them, not all. `finish` waits for the
 * rest, syncs each folder once and returns the relative paths that changed, in the order given. After a
 * failure the files already in flight finish, no new one starts, and `finish` throws the first error.
 */
export interface FileWriter {
  add(file: OutputFile | OutputBytes): void;
  /** Resolves once at most CONCURRENCY files wait to be written (at once when there is room). */
  room(): Promise<void>;
  /** Whether a write failed (the caller may stop rendering). */
  readonly failed: boolean;
  finish(): Promise<string[]>;
}

export function fileWriter(dir: string): FileWriter {
  /** Files not yet started, oldest first, with their place in the order given. */
  const waiting: { index: number; file: OutputFile | OutputBytes }[] = [];
  const paths: string[] = [];
  const written: boolean[] = [];
  const dirs = new Set<string>();
  const running = new Set<Promise<void>>();
  /** Callers waiting in room(), woken as writes finish. */
  let wakers: (() => void)[] = [];
  let failure: unknown = null;

  const wake = () => {
    if (waiting.length > CONCURRENCY && failure === null) return;
    const woken = wakers;
    wakers = [];
    for (const w of woken) w();
  };

  const work = async () => {
    for (let next = waiting.shift(); next && failure === null; next = waiting.shift()) {
      const { index, file } = next;
      const path = join(dir, ...file.path.split("/"));
      const bytes = "bytes" in file ? file.bytes : [Buffer.from(file.content, "utf8")];
      try {
        written[index] = await replaceIfChanged(path, bytes, "differs" in file && file.differs === true);
        if (written[index]) dirs.add(dirname(path));
      } catch (err) {
        failure ??= err;
      }
      wake();
    }
  };
  const start = () => {
    const worker = work().finally(() => {
      running.delete(worker);
      wake();
    });
    running.add(worker);
  };

  return {
    add(file) {
      if (leavesFolder(file.path)) {
        failure ??= outsideError(file.path);
        return;
      }
      waiting.push({ index: paths.length, file });
      paths.push(file.path);
      written.push(false);
      if (failure === null && running.size < CONCURRENCY) start();
    },
    room() {
      if (waiting.length <= CONCURRENCY || failure !== null) return Promise.resolve();
      return new Promise((resolve) => wakers.push(resolve));
    },
    get failed() {
      return failure !== null;
    },
    async finish() {
      while (running.size > 0) await Promise.all(running);
      // Renames that happened are made durable even when another file failed.
      await Promise.all([...dirs].map(syncDir));
      if (failure !== null) throw failure;
      return paths.filter((_, i) => written[i]);
    },
  };
}

/** Write every file under `dir` (see fileWriter); returns the relative paths that changed, in order. */
export async function writeFiles(dir: string, files: (OutputFile | OutputBytes)[]): Promise<string[]> {
  for (const file of files) {
    if (leavesFolder(file.path)) throw outsideError(file.path);
  }
  const writer = fileWriter(dir);
  for (const file of files) writer.add(file);
  return writer.finish();
}
