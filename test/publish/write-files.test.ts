import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  statSync,
  utimesSync,
} from "node:fs";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { fileWriter, writeFiles } from "../../src/publish/write-files.js";
import { useTempDir } from "../support/temp-dir.js";

const tempDir = useTempDir("revfeed-write-");

function listAll(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).sort();
}

const OLD = new Date("2020-01-01T00:00:00Z");

// vitest's workers do not run with --expose-gc; a forced collection shows what the writer still holds.
v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

describe("writeFiles", () => {
  it("writes new files, creating folders, and reports them", async () => {
    const dir = tempDir();
    const changed = await writeFiles(dir, [
      { path: "ots.atom", content: "<feed/>\n" },
      { path: "articles/7.atom", content: "<feed>7</feed>\n" },
    ]);
    expect(changed).toEqual(["ots.atom", "articles/7.atom"]);
    expect(readFileSync(path.join(dir, "articles/7.atom"), "utf8")).toBe("<feed>7</feed>\n");
    expect(listAll(dir)).toEqual(["articles", "articles/7.atom", "ots.atom"]);
  });

  it("leaves a file with the same bytes alone: same mtime, same inode, not reported", async () => {
    const dir = tempDir();
    await writeFiles(dir, [{ path: "ots.atom", content: "<feed>é</feed>\n" }]);
    const file = path.join(dir, "ots.atom");
    utimesSync(file, OLD, OLD);
    const before = statSync(file);
    const changed = await writeFiles(dir, [{ path: "ots.atom", content: "<feed>é</feed>\n" }]);
    expect(changed).toEqual([]);
    const after = statSync(file);
    expect(after.mtimeMs).toBe(OLD.getTime());
    expect(after.ino).toBe(before.ino);
  });

  it("replaces a changed file by rename: a reader holding the old file still reads it whole", async () => {
    const dir = tempDir();
    const file = path.join(dir, "ots.atom");
    const oldContent = `<feed>${"a".repeat(100_000)}</feed>\n`;
    await writeFiles(dir, [{ path: "ots.atom", content: oldContent }]);
    utimesSync(file, OLD, OLD);
    const reader = openSync(file, "r");
    try {
      const changed = await writeFiles(dir, [{ path: "ots.atom", content: "<feed>new</feed>\n" }]);
      expect(changed).toEqual(["ots.atom"]);
      const buf = Buffer.alloc(oldContent.length + 10);
      const n = readSync(reader, buf, 0, buf.length, 0);
      expect(buf.subarray(0, n).toString("utf8")).toBe(oldContent);
    } finally {
      closeSync(reader);
    }
    expect(readFileSync(file, "utf8")).toBe("<feed>new</feed>\n");
    expect(statSync(file).mtimeMs).toBeGreaterThan(OLD.getTime());
    expect(listAll(dir)).toEqual(["ots.atom"]);
  });

  it("names the file on failure and leaves no temporary file behind", async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, "ots.atom")); // a folder where the feed should go: rename must fail
    await expect(writeFiles(dir, [{ path: "ots.atom", content: "<feed/>" }])).rejects.toThrow(/ots\.atom/);
    expect(listAll(dir)).toEqual(["ots.atom"]);
  });

  it("writes a batch across folders at once and reports the changed files in the given order", async () => {
    const dir = tempDir();
    const files = Array.from({ length: 30 }, (_, i) => ({
      path: i % 3 === 0 ? `articles/${i}.atom` : `feed-${i}.atom`,
      content: `<feed>${i}</feed>\n`,
    }));
    expect(await writeFiles(dir, files)).toEqual(files.map((f) => f.path));
    // Every third file changes: only those are reported, in order, and only those are touched.
    for (const f of files) utimesSync(path.join(dir, f.path), OLD, OLD);
    const next = files.map((f, i) => (i % 3 === 1 ? { ...f, content: `<feed>new ${i}</feed>\n` } : f));
    const changed = await writeFiles(dir, next);
    expect(changed).toEqual(next.filter((_, i) => i % 3 === 1).map((f) => f.path));
    for (const f of next) {
      expect(readFileSync(path.join(dir, f.path), "utf8")).toBe(f.content);
      expect(statSync(path.join(dir, f.path)).mtimeMs === OLD.getTime(), f.path).toBe(
        !changed.includes(f.path),
      );
    }
  });

  it("when one file of a batch fails, the others land, the error names it, and no temp file is left", async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, "b.atom"));
    const files = ["a.atom", "b.atom", "c.atom", "articles/d.atom"].map((p) => ({
      path: p,
      content: `<${p}/>`,
    }));
    await expect(writeFiles(dir, files)).rejects.toThrow(/b\.atom/);
    expect(listAll(dir)).toEqual(["a.atom", "articles", "articles/d.atom", "b.atom", "c.atom"]);
    expect(readFileSync(path.join(dir, "c.atom"), "utf8")).toBe("<c.atom/>");
  });

  it("refuses paths that leave the feeds folder", async () => {
    const dir = tempDir();
    await expect(writeFiles(dir, [{ path: "../escape.atom", content: "x" }])).rejects.toThrow(/outside/);
    expect(existsSync(path.join(dir, "..", "escape.atom"))).toBe(false);
  });
});

describe("fileWriter", () => {
  /** Event-loop turns until `done` holds (each write is a few file-system calls on libuv's threads). */
  /**
   * Event-loop turns until `done`: the writes run on libuv's threads, so how many turns they take depends on
   * the machine's load (10,000 turns were not always enough with the whole suite running). A write that
   * never comes ends in the test's timeout.
   */
  async function turnsUntil(done: () => boolean): Promise<void> {
    while (!done()) await new Promise(setImmediate);
  }

  it("writes each file as it is handed over, before the caller finishes, and reports them in order", async () => {
    const dir = tempDir();
    const writer = fileWriter(dir);
    writer.add({ path: "all.atom", content: "<feed>1</feed>" });
    await turnsUntil(() => existsSync(path.join(dir, "all.atom")));
    expect(readFileSync(path.join(dir, "all.atom"), "utf8")).toBe("<feed>1</feed>");
    writer.add({ path: "articles/2.atom", content: "<feed>2</feed>" });
    expect(await writer.finish()).toEqual(["all.atom", "articles/2.atom"]);
    expect(listAll(dir)).toEqual(["all.atom", "articles", "articles/2.atom"]);
  });

  it("starts nothing new after a failure, says so, and throws it from finish", async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, "b.atom"));
    const writer = fileWriter(dir);
    writer.add({ path: "b.atom", content: "<b/>" });
    await turnsUntil(() => writer.failed);
    expect(writer.failed).toBe(true);
    writer.add({ path: "c.atom", content: "<c/>" });
    await expect(writer.finish()).rejects.toThrow(/b\.atom/);
    expect(listAll(dir)).toEqual(["b.atom"]);
  });

  it("makes a caller that renders faster than it writes wait: room() resolves once few files wait", async () => {
    const dir = tempDir();
    const writer = fileWriter(dir);
    const total = 60;
    for (let i = 0; i < total; i++) writer.add({ path: `articles/${i}.atom`, content: `<feed>${i}</feed>` });
    let resolved = false;
    const room = writer.room().then(() => {
      resolved = true;
    });
    await Promise.resolve();
    expect(resolved).toBe(false);
    await room;
    // At most 8 wait and at most 8 are being written, so the rest are on disk already.
    const written = readdirSync(path.join(dir, "articles")).filter((f) => f.endsWith(".atom"));
    expect(written.length).toBeGreaterThanOrEqual(total - 16);
    expect(written.length).toBeLessThan(total);
    await writer.room(); // room now: resolves at once
    expect(await writer.finish()).toHaveLength(total);
  });

  it("lets go of a file's bytes once it is written, before finish", async () => {
    const dir = tempDir();
    const writer = fileWriter(dir);
    let bytes: Buffer | null = Buffer.from("<feed>big</feed>".repeat(1000));
    const ref = new WeakRef(bytes);
    writer.add({ path: "all.atom", bytes: [bytes] });
    bytes = null;
    await turnsUntil(() => existsSync(path.join(dir, "all.atom")));
    await new Promise(setImmediate);
    gc();
    expect(ref.deref()).toBeUndefined();
    expect(await writer.finish()).toEqual(["all.atom"]);
  });
});
