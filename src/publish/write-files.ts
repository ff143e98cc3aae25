import { mkdir, open, readFile, rename, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/**
 * Atomic, change-only file writing: a reader never sees a half-written feed (temporary file in the same
 * folder, fsync, rename), and a feed whose bytes did not change is left alone, so its mtime, and with it
 * HTTP caching (Last-Modified, ETag), stays valid.
 */

export interface OutputFile {
  /** Path relative to the output folder, with `/` separators (`ots.atom`, `articles/12.atom`). */
  path: string;
  content: string;
}

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

/** fsync the folder so the rename itself survives a crash; some file systems refuse, which is harmless. */
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

/** Write `content` to `path` atomically unless it already holds these bytes; true when written. */
export async function writeFileIfChanged(path: string, content: string): Promise<boolean> {
  const bytes = Buffer.from(content, "utf8");
  const existing = await readIfExists(path);
  if (existing?.equals(bytes)) return false;
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  tempCounter += 1;
  const temp = join(dir, `.${basename(path)}.${process.pid}.${tempCounter}.tmp`);
  try {
    const handle = await open(temp, "wx", 0o644);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw new Error(`publish: cannot write ${path}: ${(err as Error).message}`, { cause: err });
  }
  await syncDir(dir);
  return true;
}

/** Write every file under `dir`; returns the relative paths that changed, in the given order. */
export async function writeFiles(dir: string, files: OutputFile[]): Promise<string[]> {
  const changed: string[] = [];
  for (const file of files) {
    if (file.path.split("/").some((part) => part === ".." || part === "")) {
      throw new Error(`publish: refusing to write outside the feeds folder: ${file.path}`);
    }
    if (await writeFileIfChanged(join(dir, ...file.path.split("/")), file.content)) changed.push(file.path);
  }
  return changed;
}
