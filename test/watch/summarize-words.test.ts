import { describe, expect, it } from "vitest";
import { countWords } from "../../src/diff/tokenize.js";
import { countWordsQuickly, summarizeChange } from "../../src/watch/summarize-change.js";
import { seeded as random } from "../support/seeded-random.js";

describe("countWordsQuickly", () => {
  it("counts like the diff tokenizer around every BMP character", () => {
    const wrong: string[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const c = String.fromCharCode(cp);
      for (const s of [c, `a${c}b`, `1${c}2`, `${c}${c}1`, ` ${c}x`, `x${c} `, `1${c}`, `${c}2`]) {
        if (countWordsQuickly(s) !== countWords(s)) wrong.push(`${cp.toString(16)} ${JSON.stringify(s)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("counts like the diff tokenizer on news-like text, numbers, emoji and marks", () => {
    const pieces = [
      "Баку",
      "İstanbul",
      "xəbər",
      "ОТГ",
      "4",
      "5",
      "2025",
      ".",
      ",",
      ":",
      "%",
      " ",
      "\u00A0",
      "—",
      "«",
      "»",
      "(",
      ")",
      "e\u0301",
      "👩‍👩‍👧",
      "🇦🇿",
      "\u200D",
      "²",
      "№",
      "™",
      "\u0600",
      "中文",
    ];
    const rnd = random(99);
    for (let i = 0; i < 20_000; i++) {
      let s = "";
      for (let n = Math.floor(rnd() * 16); n > 0; n--) s += pieces[Math.floor(rnd() * pieces.length)];
      expect(countWordsQuickly(s), JSON.stringify(s)).toBe(countWords(s));
    }
  });

  it("is what a first revision's summary counts", () => {
    const summary = summarizeChange(
      null,
      {
        title: "Курс 1,7 маната",
        paragraphs: ["В 14:35 — 24.10.2025 г.", "Xəbər yenilənir"],
        developing: true,
      },
      null,
    );
    expect(summary).toEqual({ labels: ["new"], minor: false, wordsAdded: 9, wordsRemoved: 0, diff: null });
  });
});
