/**
 * The normaliser's shortcuts (plain ASCII, the one-pass fold table) must give exactly what the
 * general path gives: same cased text, same folded text, same offsets back into the input.
 */

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldCase, matchKey, normalizeForTagging, normalizeGenerally } from "../../src/tag/normalize.js";

/** Characters the shortcuts must get right or hand over: case pairs, look-alikes, the odd ones. */
const AWKWARD = [
  ..."aAiIzZ `'-.,0",
  ..."İıIiŞşƏəÖöÜüÇçĞğ",
  ..."АаОоЕеСсРрХхІіЈјҚқҢңҮүӘә",
  ..."ΣσςΑαΒβ",
  "ß",
  "ẞ",
  "\u212B",
  "\u212A",
  "\u00A0",
  "\u2019",
  "\u02BC",
  "\u2011",
  "\u00AD",
  "\u200B",
  "\u0301",
  "\u0307",
  "\uFEFF",
  "𐐀",
  "\uD800",
];

const awkwardText = fc.array(fc.constantFrom(...AWKWARD), { maxLength: 24 }).map((cs) => cs.join(""));
const anyText = fc.oneof(awkwardText, fc.string({ unit: "binary", maxLength: 24 }));
const lang = fc.constantFrom(undefined, "en", "tr", "az", "ru", "kk");

describe("normaliser shortcuts", () => {
  it("matchKey folds like foldCase with the dotless i dropped", () => {
    fc.assert(
      fc.property(anyText, lang, (text, l) => {
        expect(matchKey(text, l)).toBe(foldCase(text, l).replace(/ı/g, "i"));
      }),
      { numRuns: 2000 },
    );
  });

  it("normalizeForTagging agrees with the general path, offsets included", () => {
    fc.assert(
      fc.property(anyText, lang, (text, l) => {
        const fast = normalizeForTagging(text, l);
        const general = normalizeGenerally(text, l);
        expect(fast.cased).toBe(general.cased);
        expect(fast.folded).toBe(general.folded);
        for (let i = 0; i <= fast.cased.length; i++) expect(fast.toOriginal(i)).toBe(general.toOriginal(i));
      }),
      { numRuns: 2000 },
    );
  });

  it("keeps Greek final sigma, which depends on its neighbours, as toLowerCase has it", () => {
    expect(normalizeForTagging("ΟΔΟΣ ΣΑ").folded).toBe("οδος σα");
  });
});
