/**
 * The `ots` tag on independent real news text (issue #4): excerpts of public news pages, labelled by
 * reading before the tagger was run. Only the labels, URLs and sha256 of each text are committed
 * (bench/tags-real-sources.json); the texts themselves stay in a scratch folder, because they are
 * third-party material that must not be republished. The tagger is loaded exactly as the watcher
 * loads it (default configuration through loadTagger), and every error is printed with the same
 * evidence `revfeed tag` shows.
 * Run with `npx tsx bench/tags-real.ts [dir] [manifest]` (default bench/.work/real-news: *.jsonl, one
 * `{"id","lang","text"}` object a line; other fields are ignored, the manifest holds the labels;
 * default manifest bench/tags-real-sources.json). The second, held-out set:
 * `npx tsx bench/tags-real.ts bench/.work/real-news-2 bench/tags-real-sources-2.json`.
 * The third, collected after both were used for tuning: `npx tsx bench/tags-real.ts bench/.work/real-news-3
 * bench/tags-real-sources-3.json`.
 */

import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseConfig } from "../src/config/load.js";
import { explainTags } from "../src/tag/explain.js";
import { loadTagger } from "../src/tag-wiring.js";

interface ManifestEntry {
  id: string;
  lang: string;
  url: string;
  ots: boolean;
  borderline?: boolean;
  reason: string;
  sha256: string;
}

type Counts = { tp: number; fp: number; fn: number; tn: number };

const here = path.dirname(fileURLToPath(import.meta.url));
const dir = path.resolve(process.argv[2] ?? path.join(here, ".work/real-news"));
const manifestPath = path.resolve(process.argv[3] ?? path.join(here, "tags-real-sources.json"));
const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as {
  texts: ManifestEntry[];
};

const texts = new Map<string, string>();
if (existsSync(dir)) {
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".jsonl"))) {
    for (const line of readFileSync(path.join(dir, file), "utf8").split("\n")) {
      if (line.trim() === "") continue;
      const row = JSON.parse(line) as { id: string; text: string };
      texts.set(row.id, row.text);
    }
  }
}

// An empty configuration file is the shipped default: the same vocabulary the watcher uses.
const tagger = loadTagger(parseConfig("", "(default configuration)", process.cwd()));

const missing: string[] = [];
const changed: string[] = [];
const scored: { entry: ManifestEntry; text: string; predicted: boolean }[] = [];
for (const entry of manifest.texts) {
  const text = texts.get(entry.id);
  if (text === undefined) {
    missing.push(entry.id);
    continue;
  }
  if (createHash("sha256").update(text, "utf8").digest("hex") !== entry.sha256) changed.push(entry.id);
  const predicted = tagger.tag(text, entry.lang).some((t) => t.tag === "ots");
  scored.push({ entry, text, predicted });
}
const unknown = [...texts.keys()].filter((id) => !manifest.texts.some((e) => e.id === id));

function table(title: string, rows: typeof scored): void {
  const byLang = new Map<string, Counts>();
  const all: Counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const { entry, predicted } of rows) {
    const c = byLang.get(entry.lang) ?? { tp: 0, fp: 0, fn: 0, tn: 0 };
    const key = predicted ? (entry.ots ? "tp" : "fp") : entry.ots ? "fn" : "tn";
    c[key]++;
    all[key]++;
    byLang.set(entry.lang, c);
  }
  // With nothing predicted (or nothing to find) the measure is undefined: print n/a, not 1.000.
  const ratio = (num: number, den: number) => (den === 0 ? "  n/a" : (num / den).toFixed(3));
  const line = (lang: string, c: Counts) =>
    `  ${lang.padEnd(4)} ${String(c.tp + c.fp + c.fn + c.tn).padStart(4)}  ${ratio(c.tp, c.tp + c.fp)}  ${ratio(c.tp, c.tp + c.fn)}  (${c.tp} ${c.fp} ${c.fn} ${c.tn})`;
  console.log(`\n${title}\n  lang    n  precision recall  (tp fp fn tn)`);
  for (const [lang, c] of [...byLang].sort()) console.log(line(lang, c));
  console.log(line("all", all));
}

console.log(`Real news texts: ${scored.length} scored from ${dir} against ${manifestPath}`);
// Warn first: figures over a changed or incomplete set are not the published ones.
if (missing.length > 0) console.warn(`WARNING: no text in ${dir} for ${missing.join(", ")}`);
if (changed.length > 0)
  console.warn(`WARNING: text differs from the manifest's sha256: ${changed.join(", ")}`);
if (unknown.length > 0) console.warn(`WARNING: texts not in the manifest (ignored): ${unknown.join(", ")}`);
table("All labelled texts (borderline labels as given):", scored);
table(
  "Borderline excluded:",
  scored.filter((s) => !s.entry.borderline),
);

for (const [title, wrong] of [
  ["False positives", scored.filter((s) => s.predicted && !s.entry.ots)],
  ["False negatives", scored.filter((s) => !s.predicted && s.entry.ots)],
] as const) {
  console.log(`\n${title} (${wrong.length}):`);
  for (const { entry, text } of wrong) {
    const tags = tagger.tag(text, entry.lang);
    const shown = title === "False positives" ? tags.filter((t) => t.tag === "ots") : tags;
    console.log(
      `- ${entry.id}${entry.borderline ? " (borderline)" : ""} ${entry.url}\n  label: ${entry.reason}`,
    );
    console.log(explainTags(shown, text).replace(/^/gm, "    ").trimEnd());
  }
}
