/**
 * Tagging benchmark: median time to tag a 40 KB article with the default vocabulary, and precision
 * and recall of the `ots` tag per language on the evaluation set (dev and held-out).
 * Run with `npm run bench:tags`.
 */

import { existsSync, readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { compileRules } from "../src/tag/compile.js";
import { DEFAULT_RULES } from "../src/tag/default-rules.js";
import { tagText } from "../src/tag/tag-text.js";
import { type Evaluation, evaluate, loadSamples } from "../test/tag/evaluation.js";

const tagger = compileRules(DEFAULT_RULES);

function article(targetLength: number): string {
  const dev = loadSamples("dev").map((s) => s.text);
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < targetLength; i++) {
    const t = dev[i % dev.length] ?? "";
    parts.push(t);
    length += t.length + 2;
  }
  return parts.join("\n\n").slice(0, targetLength);
}

/** Median wall time; also prints the mean CPU time, which a busy machine disturbs less. */
function medianMs(text: string, runs: number): string {
  for (let i = 0; i < 50; i++) tagText(tagger, text);
  const cpu0 = process.cpuUsage();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    tagText(tagger, text);
    times.push(performance.now() - t0);
  }
  const cpu = process.cpuUsage(cpu0);
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? Number.NaN;
  return `median ${median.toFixed(3)} ms (CPU ${((cpu.user + cpu.system) / 1000 / runs).toFixed(3)} ms per call)`;
}

function print(name: string, e: Evaluation): void {
  const f = (x: number) => x.toFixed(3);
  console.log(`\n${name}: lang  n  precision  recall  (tp fp fn tn)`);
  for (const [lang, s] of e.byLang) {
    const n = s.tp + s.fp + s.fn + s.tn;
    console.log(
      `  ${lang.padEnd(4)} ${String(n).padStart(3)}  ${f(s.precision)}  ${f(s.recall)}  (${s.tp} ${s.fp} ${s.fn} ${s.tn})`,
    );
  }
  const o = e.overall;
  console.log(
    `  all  ${String(o.tp + o.fp + o.fn + o.tn).padStart(3)}  ${f(o.precision)}  ${f(o.recall)}  (${o.tp} ${o.fp} ${o.fn} ${o.tn})`,
  );
  for (const { sample, predicted } of e.errors) {
    console.log(`  ${predicted ? "false positive" : "missed"}: ${sample.id} (${sample.note})`);
  }
}

// The seed story (a real Trend article about the OTS) lives beside the repository when it is there.
const seedPath = fileURLToPath(
  new URL("../../shared/seed/trend-ots-ministers-2025-10-24.txt", import.meta.url),
);
if (existsSync(seedPath)) {
  const seed = readFileSync(seedPath, "utf8");
  const seed40k = seed.repeat(Math.ceil(40_000 / seed.length)).slice(0, 40_000);
  console.log(`tag 40 KB Trend article (seed story repeated): ${medianMs(seed40k, 300)}`);
}
const text40k = article(40_000);
const plain = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(700).slice(0, 40_000);
console.log(`tag 40 KB of evaluation texts (dense matches): ${medianMs(text40k, 300)}`);
console.log(`tag 40 KB text without matches:                      ${medianMs(plain, 300)}`);
print("dev", evaluate(tagger, loadSamples("dev")));
print("held-out", evaluate(tagger, loadSamples("heldout")));
