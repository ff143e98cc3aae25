import { parentPort, workerData } from "node:worker_threads";
import { createAnalysisStages } from "../analysis-stages.js";
import type { LoadedConfig } from "../config/load.js";
import { analysePage, type PageInput } from "./analyse-page.js";

/** One page-analysis worker (see page-pool.ts): the same pure stages as the main thread, built from the config. */

const stages = createAnalysisStages((workerData as { config: LoadedConfig }).config);

parentPort?.on("message", ({ id, input }: { id: number; input: PageInput }) => {
  try {
    parentPort?.postMessage({ id, ok: true, value: analysePage(stages, input) });
  } catch (err) {
    const error = err instanceof Error ? err : new Error(String(err));
    parentPort?.postMessage({ id, ok: false, message: error.message, stack: error.stack });
  }
});
