/**
 * Regression guard for the tagger's output: every evaluation text (as written, decomposed, upper-cased
 * and with look-alike letters, soft hyphens and odd spaces mixed in) and the seed story are tagged
 * with the default vocabulary, signals included, and compared with golden files. Speed work on the
 * normaliser and scanner must leave these files unchanged.
 */

import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { TagResult } from "../../src/model.js";
import { compileRules } from "../../src/tag/compile.js";
import { DEFAULT_RULES } from "../../src/tag/default-rules.js";
import { tagText } from "../../src/tag/tag-text.js";
import { loadSamples } from "./evaluation.js";

const tagger = compileRules(DEFAULT_RULES);

/** One line per tag: `tag: rule "match" start-end; …`, compact enough to review in a diff. */
function render(results: TagResult[]): string[] {
  return results.map(
    (r) =>
      `${r.tag}: ${r.evidence.map((e) => `${e.rule} ${JSON.stringify(e.match)} ${e.start}-${e.end}`).join("; ")}`,
  );
}

const LOOK_ALIKES: Record<string, string> = {
  а: "a",
  о: "o",
  е: "e",
  с: "c",
  р: "p",
  a: "а",
  o: "о",
  e: "е",
};

/**
 * Deterministic damage of the kind real pages carry: every 7th look-alike letter swapped to the other
 * script, a soft hyphen after every 11th letter, NBSP for every 5th space, typographic apostrophes.
 */
function mangle(text: string): string {
  let out = "";
  let letters = 0;
  let spaces = 0;
  for (const ch of text) {
    if (ch === " ") {
      spaces++;
      out += spaces % 5 === 0 ? "\u00a0" : " ";
      continue;
    }
    if (ch === "'") {
      out += "\u2019";
      continue;
    }
    if (/\p{L}/u.test(ch)) {
      letters++;
      const swap = LOOK_ALIKES[ch];
      out += letters % 7 === 0 && swap !== undefined ? swap : ch;
      if (letters % 11 === 0) out += "\u00ad";
      continue;
    }
    out += ch;
  }
  return out;
}

function variants(text: string): [string, string][] {
  return [
    ["as is", text],
    ["NFD", text.normalize("NFD")],
    ["upper", text.toUpperCase()],
    ["mangled", mangle(text)],
  ];
}

describe("tagger output stays as recorded", () => {
  for (const which of ["dev", "heldout"] as const) {
    it(`${which} evaluation texts and their variants`, async () => {
      const out: Record<string, Record<string, string[]>> = {};
      for (const s of loadSamples(which)) {
        const entry: Record<string, string[]> = {};
        for (const [name, text] of variants(s.text)) {
          entry[name] = render(tagText(tagger, text, { lang: s.lang, includeSignals: true }));
        }
        entry["no lang, no signals"] = render(tagText(tagger, s.text));
        out[s.id] = entry;
      }
      await expect(`${JSON.stringify(out, null, 1)}\n`).toMatchFileSnapshot(`./__goldens__/${which}.json`);
    });
  }

  it("all evaluation texts joined into one long text", async () => {
    const joined = loadSamples("dev")
      .concat(loadSamples("heldout"))
      .map((s) => s.text)
      .join("\n\n");
    const out = {
      plain: render(tagText(tagger, joined, { includeSignals: true })),
      mangled: render(tagText(tagger, mangle(joined), { lang: "tr", includeSignals: true })),
    };
    await expect(`${JSON.stringify(out, null, 1)}\n`).toMatchFileSnapshot("./__goldens__/joined.json");
  });

  // The seed story lives beside the repository (not in it); the golden is checked only where it is.
  const seedPath = fileURLToPath(
    new URL("../../../shared/seed/trend-ots-ministers-2025-10-24.txt", import.meta.url),
  );
  it.skipIf(!existsSync(seedPath))("the seed story", async () => {
    const seed = readFileSync(seedPath, "utf8");
    const out: Record<string, string[]> = {};
    for (const [name, text] of variants(seed)) {
      out[name] = render(tagText(tagger, text, { lang: "ru", includeSignals: true }));
    }
    await expect(`${JSON.stringify(out, null, 1)}\n`).toMatchFileSnapshot("./__goldens__/seed.json");
  });
});
