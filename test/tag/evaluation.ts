/**
 * The labelled evaluation set (test/fixtures/tagging/*.jsonl) and precision/recall over it.
 * Shared by the quality test and bench/tags.ts.
 */

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { CompiledTagger } from "../../src/tag/compile.js";
import { tagText } from "../../src/tag/tag-text.js";

export interface Sample {
  id: string;
  lang: string;
  text: string;
  ots: boolean;
  note: string;
  file: string;
}

export const FIXTURES = fileURLToPath(new URL("../fixtures/tagging/", import.meta.url));

export function loadSamples(which: "dev" | "heldout"): Sample[] {
  const files = readdirSync(FIXTURES).filter((f) =>
    which === "heldout" ? f === "heldout.jsonl" : f.startsWith("dev-") && f.endsWith(".jsonl"),
  );
  const samples: Sample[] = [];
  for (const file of files.sort()) {
    const lines = readFileSync(join(FIXTURES, file), "utf8").split("\n");
    lines.forEach((line, i) => {
      if (line.trim() === "") return;
      try {
        samples.push({ ...(JSON.parse(line) as Omit<Sample, "file">), file });
      } catch (err) {
        throw new Error(`${file}:${i + 1}: not a JSON sample: ${String(err)}`);
      }
    });
  }
  return samples;
}

export interface Scores {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
}

export interface Evaluation {
  overall: Scores;
  byLang: Map<string, Scores>;
  errors: { sample: Sample; predicted: boolean }[];
}

function scores(tp: number, fp: number, fn: number, tn: number): Scores {
  // With nothing predicted (or nothing to find) the measure is vacuously perfect.
  return {
    tp,
    fp,
    fn,
    tn,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
  };
}

export function evaluate(tagger: CompiledTagger, samples: Sample[], tag = "ots"): Evaluation {
  const counts = new Map<string, [number, number, number, number]>();
  const all: [number, number, number, number] = [0, 0, 0, 0];
  const errors: Evaluation["errors"] = [];
  for (const sample of samples) {
    const predicted = tagText(tagger, sample.text, { lang: sample.lang }).some((r) => r.tag === tag);
    const k = predicted ? (sample.ots ? 0 : 1) : sample.ots ? 2 : 3;
    const c = counts.get(sample.lang) ?? [0, 0, 0, 0];
    c[k]++;
    all[k]++;
    counts.set(sample.lang, c);
    if (predicted !== sample.ots) errors.push({ sample, predicted });
  }
  const byLang = new Map([...counts].sort().map(([lang, c]) => [lang, scores(...c)]));
  return { overall: scores(...all), byLang, errors };
}
