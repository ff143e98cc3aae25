/**
 * `npm run bench:rounds`: how a cycle and its publish grow as articles gather revisions. N articles are
 * captured, then every round edits a share of the pages (BENCH_ROUND_SHARE, default all of them: each edit
 * rewrites a sentence and appends a paragraph) and rechecks every article, as the long run's recheck ticks
 * do every 15 minutes. Prints each round's wall time, publish time and memory; nothing is compared with a
 * target. The long run's RSS follows these rounds' publish peaks (see docs/performance.md).
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sibling, startChild, watchLaunch } from "./lib/child.js";
import { SiteEditor } from "./lib/mutate.js";
import { startNginx, writeNamespace } from "./lib/site.js";
import type { CycleFigures } from "./lib/watch-child.js";

const N = Number(process.env.BENCH_ROUND_N ?? 2000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 8);
const SHARE = Number(process.env.BENCH_ROUND_SHARE ?? 1);

const root = mkdtempSync(path.join(os.tmpdir(), "revfeed-bench-rounds-"));
const site = await startNginx(root);
const watch = startChild(sibling(import.meta.url, "lib/watch-child"), undefined, watchLaunch());
try {
  const ns = writeNamespace(site.root, site.origin, `rounds${N}`, N);
  const editor = new SiteEditor(site.root, ns.ns, ns.ids, 99);
  await watch.call("init", { feedUrl: ns.feedUrl, n: N, concurrency: 16 });
  console.log(
    `${N} articles, ${Math.round(N * SHARE)} pages edited before each round, every article rechecked`,
  );
  console.log("round  revisions/article  wall ms  publish ms  files  RSS MB  peak RSS MB  heap MB");
  const line = (round: number, f: CycleFigures) =>
    console.log(
      [
        String(round).padStart(5),
        String(round + 1).padStart(17),
        f.wallMs.toFixed(0).padStart(7),
        f.publishMs.toFixed(0).padStart(10),
        String(f.published).padStart(5),
        f.rssMb.toFixed(0).padStart(6),
        f.peakRssMb.toFixed(0).padStart(11),
        f.heapUsedMb.toFixed(0).padStart(7),
      ].join("  "),
    );
  line(0, await watch.call<CycleFigures>("cycle", { poll: true, recheckAll: false, advanceMinutes: 0 }));
  for (let round = 1; round <= ROUNDS; round++) {
    editor.change(Math.round(N * SHARE));
    line(
      round,
      await watch.call<CycleFigures>("cycle", { poll: false, recheckAll: true, advanceMinutes: 1 }),
    );
  }
  await watch.call("close");
} finally {
  await watch.stop();
  await site.stop();
  rmSync(root, { recursive: true, force: true });
}
