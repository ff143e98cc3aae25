/**
 * Independent evaluation of the `ots` tag: precision and recall per language on hand-written news
 * texts in test/fixtures/tagging-independent/, written by someone who had not seen the rules. Its first
 * run (recall 0.80) led to rule fixes, so it is no longer untouched: it now guards against regressions.
 * Borderline items (e.g. TURKSOY-only stories) are listed separately and excluded from the figures.
 * Run with `npx tsx bench/tags-independent.ts`.
 */

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { compileRules, DEFAULT_RULES, tagText } from "../src/tag/index.js";

interface Sample {
  id: string;
  lang: string;
  text: string;
  ots: boolean;
  note?: string;
  borderline?: boolean;
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

const dir = fileURLToPath(new URL("../test/fixtures/tagging-independent/", import.meta.url));

function loadSamples(): Sample[] {
  const samples: Sample[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".jsonl"))
    .sort()) {
    const lines = readFileSync(join(dir, file), "utf8").split("\n");
    for (const line of lines) {
      if (line.trim() === "") continue;
      samples.push(JSON.parse(line) as Sample);
    }
  }
  return samples;
}

const tagger = compileRules(DEFAULT_RULES);

function tagsOf(sample: Sample): string[] {
  type Options = Parameters<typeof tagText>[2];
  const options = { lang: sample.lang } as Options;
  return tagText(tagger, sample.text, options).map((t) => t.tag);
}

function isOts(sample: Sample): boolean {
  return tagsOf(sample).includes("ots");
}

function said(sample: Sample): string {
  const tags = tagsOf(sample);
  return tags.length === 0 ? "no tags" : `tags: ${tags.join(", ")}`;
}

function ratio(num: number, den: number): string {
  return den === 0 ? "   n/a" : `${((100 * num) / den).toFixed(1).padStart(5)}%`;
}

function row(label: string, c: Counts): string {
  const precision = ratio(c.tp, c.tp + c.fp);
  const recall = ratio(c.tp, c.tp + c.fn);
  const n = c.tp + c.fp + c.fn + c.tn;
  return `${label.padEnd(8)} ${String(n).padStart(4)} ${String(c.tp).padStart(4)} ${String(c.fp).padStart(4)} ${String(c.fn).padStart(4)} ${String(c.tn).padStart(4)}  ${precision}  ${recall}`;
}

function excerpt(text: string, max = 160): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}

const samples = loadSamples();
const perLang = new Map<string, Counts>();
const total: Counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
const falsePositives: Sample[] = [];
const falseNegatives: Sample[] = [];
const borderline: { sample: Sample; tagged: boolean }[] = [];

for (const sample of samples) {
  const tagged = isOts(sample);
  if (sample.borderline) {
    borderline.push({ sample, tagged });
    continue;
  }
  let c = perLang.get(sample.lang);
  if (!c) {
    c = { tp: 0, fp: 0, fn: 0, tn: 0 };
    perLang.set(sample.lang, c);
  }
  const key: keyof Counts = sample.ots ? (tagged ? "tp" : "fn") : tagged ? "fp" : "tn";
  c[key]++;
  total[key]++;
  if (key === "fp") falsePositives.push(sample);
  if (key === "fn") falseNegatives.push(sample);
}

console.log(
  `Independent OTS evaluation: ${samples.length} texts (${borderline.length} borderline excluded)\n`,
);
console.log("lang        n   tp   fp   fn   tn  precision  recall");
for (const lang of [...perLang.keys()].sort()) {
  console.log(row(lang, perLang.get(lang) as Counts));
}
console.log(row("overall", total));

console.log(`\nFalse positives (${falsePositives.length}):`);
for (const s of falsePositives)
  console.log(`  ${s.id} [${s.note ?? ""}] (tagger ${said(s)})\n      ${s.text}`);
console.log(`\nFalse negatives (${falseNegatives.length}):`);
for (const s of falseNegatives)
  console.log(`  ${s.id} [${s.note ?? ""}] (tagger ${said(s)})\n      ${s.text}`);
console.log(`\nBorderline (excluded from figures, ${borderline.length}):`);
for (const { sample, tagged } of borderline) {
  console.log(
    `  ${sample.id} label=${sample.ots} tagger=${tagged} [${sample.note ?? ""}] ${excerpt(sample.text)}`,
  );
}
