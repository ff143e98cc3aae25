import { Worker } from "node:worker_threads";

/**
 * The design issue 8 suggests, at its cheapest: the bare loop hands each body to one worker thread that
 * decodes it and runs htmlparser2's tokenizer over it (no DOM, no extraction, no store) and waits for the
 * answer. A watcher built that way does at least this for every new page, so its wall time is the floor
 * of such a first cycle on this machine (both cores are shared with nginx). The watcher itself skips most
 * of a page without tokenizing it (src/extract/skim.ts), which is how it can come out under this row.
 *
 * The worker is eval'd, with htmlparser2 resolved here, so the same code runs compiled and under tsx.
 */
const WORKER = (htmlparser2: string) => `
const { parentPort } = require("node:worker_threads");
const decoder = new TextDecoder();
import(${JSON.stringify(htmlparser2)}).then(({ Parser }) => {
  parentPort.on("message", ({ id, bytes }) => {
    let tags = 0;
    const parser = new Parser({ onopentag() { tags++; } });
    parser.end(decoder.decode(bytes));
    parentPort.postMessage({ id, tags });
  });
  parentPort.postMessage({ ready: true });
});`;

export interface Tokenizer {
  /** Tokenizes the bytes on the worker thread (they are transferred); resolves to the number of start tags. */
  tags(bytes: Uint8Array): Promise<number>;
}

export async function startTokenizer(): Promise<Tokenizer> {
  const worker = new Worker(WORKER(import.meta.resolve("htmlparser2")), { eval: true });
  const waiting = new Map<number, (tags: number) => void>();
  let next = 0;
  await new Promise<void>((resolve, reject) => {
    worker.once("error", reject);
    worker.once("message", () => resolve());
  });
  worker.on("message", (m: { id: number; tags: number }) => {
    waiting.get(m.id)?.(m.tags);
    waiting.delete(m.id);
  });
  return {
    tags(bytes) {
      const id = next++;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        worker.postMessage({ id, bytes }, [bytes.buffer as ArrayBuffer]);
      });
    },
  };
}
