import { describe, expect, it } from "vitest";
import { compileRules } from "../../src/tag/compile.js";
import { DEFAULT_RULES } from "../../src/tag/default-rules.js";
import { evaluate, loadSamples } from "./evaluation.js";

// Quality targets from the tagging issue; timing is measured by bench/tags.ts, not here.
const tagger = compileRules(DEFAULT_RULES);
const LANGS = ["az", "en", "kk", "ky", "ru", "tr", "uk", "uz"];

describe.each(["dev", "heldout"] as const)("evaluation set: %s", (which) => {
  const samples = loadSamples(which);
  const result = evaluate(tagger, samples);

  it("has unique ids, and positives and negatives in every language", () => {
    expect(new Set(samples.map((s) => s.id)).size).toBe(samples.length);
    for (const lang of LANGS) {
      expect(
        samples.some((s) => s.lang === lang && s.ots),
        `${lang} positive`,
      ).toBe(true);
      expect(
        samples.some((s) => s.lang === lang && !s.ots),
        `${lang} negative`,
      ).toBe(true);
    }
  });

  it("reaches precision >= 0.97 and recall >= 0.95 overall", () => {
    expect(result.overall.precision).toBeGreaterThanOrEqual(0.97);
    expect(result.overall.recall).toBeGreaterThanOrEqual(0.95);
  });

  it("keeps every language at or above 0.9", () => {
    for (const [lang, s] of result.byLang) {
      expect(s.precision, `${lang} precision`).toBeGreaterThanOrEqual(0.9);
      expect(s.recall, `${lang} recall`).toBeGreaterThanOrEqual(0.9);
    }
  });
});

it("has at least 150 samples, a fifth of them held out", () => {
  const dev = loadSamples("dev").length;
  const heldout = loadSamples("heldout").length;
  expect(dev + heldout).toBeGreaterThanOrEqual(150);
  expect(heldout / (dev + heldout)).toBeGreaterThanOrEqual(0.2);
});
