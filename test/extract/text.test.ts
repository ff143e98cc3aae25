import { describe, expect, it } from "vitest";
import { isBlankText, normalizeText, SAFE_CLASS } from "../../src/extract/text.js";
import { seeded as random } from "../support/seeded-random.js";

/** The definition normalizeText had before its fast path; the fast path must always agree with it. */
function reference(s: string): string {
  return s
    .normalize("NFC")
    .replace(/[\u00AD\u180E\u200B-\u200D\u2060\uFEFF]/g, "")
    .replace(/[\s\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/g, " ")
    .trim();
}

function* codePoints(): Generator<string> {
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    yield String.fromCodePoint(cp);
  }
}

const PIECES = [
  "Новость",
  "обновляется",
  "Bakı",
  "İstanbul",
  "ə",
  "«ОТГ»",
  "—",
  "…",
  " ",
  "  ",
  "\u00A0",
  "\t",
  "\r\n",
  "\u2009",
  "\u202F",
  "\u00AD",
  "\u200B",
  "\uFEFF",
  "e\u0301",
  "\u0301",
  "\u0307",
  "\u0483",
  "\u2000",
  "\u2126",
  "\u037E",
  "\u1100\u1161",
  "\u3000",
  "x",
  "1",
  ".",
];

function randomText(rnd: () => number): string {
  const n = Math.floor(rnd() * 12);
  let s = "";
  for (let i = 0; i < n; i++) s += PIECES[Math.floor(rnd() * PIECES.length)];
  return s;
}

describe("normalizeText fast path", () => {
  it("skips only characters that NFC never changes and that never combine with the one before", () => {
    const combining = new Set<number>();
    for (const c of codePoints()) {
      const cps = [...c.normalize("NFD")].map((x) => x.codePointAt(0) as number);
      for (const cp of cps.slice(1)) combining.add(cp);
    }
    const safe = new RegExp(`^[${SAFE_CLASS}]$`, "u");
    const bad: string[] = [];
    let count = 0;
    for (const c of codePoints()) {
      if (!safe.test(c)) continue;
      count++;
      const cp = c.codePointAt(0) as number;
      if (c.normalize("NFC") !== c || combining.has(cp) || /[\p{M}\s]/u.test(c) || reference(c) !== c) {
        bad.push(cp.toString(16));
      }
    }
    expect(bad).toEqual([]);
    expect(count).toBeGreaterThan(1000);
  });

  it("agrees with the reference on every single code point and on random mixtures", () => {
    for (const c of codePoints()) {
      if (normalizeText(c) !== reference(c)) expect([c.codePointAt(0), normalizeText(c)]).toBe(reference(c));
      if (isBlankText(c) !== (reference(c) === ""))
        expect([c.codePointAt(0), isBlankText(c)]).toBe(!isBlankText(c));
    }
    const rnd = random(8);
    for (let i = 0; i < 20_000; i++) {
      const s = randomText(rnd);
      expect(normalizeText(s), JSON.stringify(s)).toBe(reference(s));
      expect(isBlankText(s), JSON.stringify(s)).toBe(reference(s) === "");
    }
  });
});
