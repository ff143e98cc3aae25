import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { LoadedConfig } from "../config/load.js";
import { type AnalysisStages, analysePage, type PageAnalysis, type PageInput } from "./analyse-page.js";

/**
 * Page analysis (extraction, hash, marker, change summary, tags) on worker threads. Parsing a 60 KB page
 * costs several times what fetching it does, so on the main thread it starves the fetch loop; here the main
 * thread only fetches and writes the store. Workers start on first use and are unref'd (they never keep the
 * process alive). A worker that dies fails its tasks (each check reports an internal failure and is retried
 * next cycle) and is replaced; if workers cannot start at all, analysis runs in the calling thread.
 */

export interface PagePool {
  analyse(input: PageInput): Promise<PageAnalysis>;
  close(): Promise<void>;
}

interface Task {
  input: PageInput;
  resolve: (value: PageAnalysis) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  tasks: Map<number, Task>;
  /**
   * Whether the worker has answered: until it does, pages are sent as copies, since the tasks of a worker
   * that never starts are redone in the calling thread and need their bytes.
   */
  answered: boolean;
}

type Reply =
  | { id: number; ok: true; value: PageAnalysis }
  | { id: number; ok: false; message: string; stack?: string };

/**
 * The worker: the compiled page-worker.js in dist. Run from the TypeScript sources (tsx, vitest), a worker
 * cannot load a .ts entry on Node 20 even with the parent's loader flags, so a two-line script registers
 * tsx's loader in the worker and then imports page-worker.ts. No flags are inherited: V8 flags such as
 * --expose-gc or --max-old-space-size, which a process manager may pass, make the Worker constructor throw.
 */
/** tsx's ESM register API (its CommonJS twin cannot register from an ES module). */
function tsxApi(): string {
  if (typeof import.meta.resolve === "function") return import.meta.resolve("tsx/esm/api");
  const cjs = createRequire(import.meta.url).resolve("tsx/esm/api");
  return pathToFileURL(cjs.replace(/\.cjs$/, ".mjs")).href;
}

/**
 * V8 gives each thread a 16 MB semi-space (48 MB of young generation) by default. The analysis thread's
 * garbage is short-lived (one page's DOM at a time), so a third of that suffices: 16–24 MB less resident
 * memory for a few per cent more scavenges (bench/.work measurements in the issue 8 notes). A process
 * started with --max-semi-space-size, as the pm2 worker is, applies that flag to every thread instead: V8
 * prefers the flag to this limit (the worker's new space was 2 MB with the flag at 1, 4 MB without it).
 */
const RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 16 };

function startWorker(workerData: unknown): Worker {
  const options = { workerData, execArgv: [], resourceLimits: RESOURCE_LIMITS };
  if (!import.meta.url.endsWith(".ts")) {
    return new Worker(new URL("./page-worker.js", import.meta.url), options);
  }
  const tsx = tsxApi();
  const entry = new URL("./page-worker.ts", import.meta.url).href;
  const script = `import(${JSON.stringify(tsx)}).then((t) => { (t.register ?? t.default.register)(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(script, { ...options, eval: true });
}

/**
 * A page's bytes go to the worker by transfer, never by structured-clone copy. The worker gets the caller's
 * own buffer when the caller gave it up (`transfer`) and the bytes span all of it (a small Buffer is a slice
 * of Node's shared pool); otherwise a copy of just the bytes, so the caller's view keeps working.
 *
 * Why give it up: a copy left the fetched body on the main thread until its check ended, long enough to
 * outlive a scavenge, and full GCs came early while such external memory piled up (docs/performance.md).
 * In a first cycle over 10,000 pages the main thread ran a full GC every 100 ms with copies, every 200 ms
 * without (73 against 48 in one bench run); the first cycle took 5.2–5.4 s against 5.7–6.2 s in three
 * alternating pairs.
 */
function message(id: number, input: PageInput, mayTake: boolean): [unknown, ArrayBuffer[]] {
  if (!("bytes" in input)) return [{ id, input }, []];
  const { bytes } = input;
  const whole =
    bytes.buffer instanceof ArrayBuffer &&
    bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength;
  const sent = mayTake && input.transfer && whole ? bytes : new Uint8Array(bytes);
  return [{ id, input: { ...input, bytes: sent } }, [sent.buffer as ArrayBuffer]];
}

/**
 * `warmAfter`: pages analysed in the calling thread before the first worker starts. A watcher that checks
 * a handful of pages (a test, a small config) never pays for a thread; a real cycle soon does.
 */
export function createPagePool(
  config: LoadedConfig,
  size: number,
  inThread: AnalysisStages,
  warmAfter = 16,
): PagePool {
  const slots: Slot[] = [];
  let analysedHere = 0;
  let nextId = 0;
  let startFailures = 0;
  let closed = false;

  function spawn(): Slot | null {
    if (startFailures >= 3) return null;
    let worker: Worker;
    try {
      worker = startWorker({ config });
    } catch {
      startFailures++;
      return null;
    }
    worker.unref();
    const slot: Slot = { worker, tasks: new Map(), answered: false };
    worker.on("message", (reply: Reply) => {
      slot.answered = true;
      const task = slot.tasks.get(reply.id);
      if (!task) return;
      slot.tasks.delete(reply.id);
      if (reply.ok) return task.resolve(reply.value);
      const error = new Error(reply.message);
      if (reply.stack) error.stack = reply.stack;
      task.reject(error);
    });
    const fail = (error: Error) => {
      const at = slots.indexOf(slot);
      if (at >= 0) slots.splice(at, 1);
      const tasks = [...slot.tasks.values()];
      slot.tasks.clear();
      if (slot.answered) {
        for (const task of tasks) task.reject(error);
        return;
      }
      // It never started (no loader, no memory): do its work here rather than fail those checks.
      startFailures++;
      for (const task of tasks) runHere(task);
    };
    worker.on("error", (err) =>
      fail(new Error(`page analysis worker failed: ${err.message}`, { cause: err })),
    );
    worker.on("exit", (code) => {
      if (!closed) fail(new Error(`page analysis worker exited with status ${code}`));
    });
    return slot;
  }

  /** The least busy worker, starting one while fewer than `size` run. */
  function pick(): Slot | null {
    const idle = slots.find((s) => s.tasks.size === 0);
    if (idle) return idle;
    if (slots.length < size) {
      const slot = spawn();
      if (slot) {
        slots.push(slot);
        return slot;
      }
    }
    return slots.reduce<Slot | null>(
      (best, s) => (best === null || s.tasks.size < best.tasks.size ? s : best),
      null,
    );
  }

  function runHere(task: Task): void {
    try {
      task.resolve(analysePage(inThread, task.input));
    } catch (err) {
      task.reject(err as Error);
    }
  }

  return {
    analyse(input) {
      return new Promise<PageAnalysis>((resolve, reject) => {
        const task = { input, resolve, reject };
        const slot = closed || analysedHere < warmAfter ? null : pick();
        if (!slot) {
          analysedHere++;
          return runHere(task);
        }
        const id = nextId++;
        slot.tasks.set(id, task);
        slot.worker.postMessage(...message(id, input, slot.answered));
      });
    },
    async close() {
      closed = true;
      const running = slots.splice(0);
      for (const slot of running) {
        for (const task of slot.tasks.values()) task.reject(new Error("page analysis pool closed"));
        slot.tasks.clear();
      }
      await Promise.all(running.map((s) => s.worker.terminate()));
    },
  };
}
