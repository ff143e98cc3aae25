import { describe, expect, it } from "vitest";
import { DEFAULT_MARKERS } from "../../src/config/default-markers.js";
import { detectMarker, foldMarkerText, type MarkerMatch } from "../../src/watch/marker.js";
import { seeded as random } from "../support/seeded-random.js";

/** detectMarker as first written: folds every phrase and every block, no shortcuts. */
function reference(
  texts: readonly string[],
  markers: Record<string, readonly string[]>,
  last = 2,
): MarkerMatch {
  const table = new Map<string, string>();
  for (const phrase of Object.values(markers).flat()) {
    const folded = foldMarkerText(phrase);
    if (folded !== "" && !table.has(folded)) table.set(folded, phrase);
  }
  let seen = 0;
  for (let i = texts.length - 1; i >= 0 && seen < last; i--) {
    const folded = foldMarkerText(texts[i] ?? "");
    if (folded === "") continue;
    seen++;
    const phrase = table.get(folded);
    if (phrase !== undefined) return { developing: true, index: i, phrase };
  }
  return { developing: false, index: null, phrase: null };
}

const PHRASES = Object.values(DEFAULT_MARKERS).flat();
const WRAP = [
  "",
  " ",
  "«",
  "»",
  "(",
  ")",
  "[",
  "]",
  "...",
  "…",
  "!",
  "—",
  "-",
  "'",
  "’",
  "ʼ",
  "`",
  "*",
  "\u00A0",
  "\u00AD",
];
const FILLER = ["Баку", "İstanbul", "ОТГ", "xəbər", "the", "—", ",", ".", " ", "  ", "\u0307", "ı"];

function block(rnd: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)] as T;
  const parts: string[] = [];
  for (let n = Math.floor(rnd() * 6); n > 0; n--) parts.push(pick(WRAP));
  const kind = rnd();
  if (kind < 0.5) {
    let phrase = pick(PHRASES);
    if (rnd() < 0.3) phrase = phrase.toUpperCase();
    if (rnd() < 0.2) phrase = phrase.replace(/ /g, "\u00A0");
    parts.push(phrase);
  } else if (kind < 0.8) {
    for (let n = 1 + Math.floor(rnd() * 60); n > 0; n--) parts.push(pick(FILLER), " ");
  }
  for (let n = Math.floor(rnd() * 6); n > 0; n--) parts.push(pick(WRAP));
  return parts.join("");
}

describe("detectMarker shortcuts (cached phrase table, long blocks not folded)", () => {
  it("finds exactly what folding every block finds", () => {
    const rnd = random(2025);
    let developing = 0;
    for (let i = 0; i < 5000; i++) {
      const texts = Array.from({ length: Math.floor(rnd() * 4) }, () => block(rnd));
      const last = 1 + Math.floor(rnd() * 3);
      const want = reference(texts, DEFAULT_MARKERS, last);
      if (want.developing) developing++;
      expect(detectMarker(texts, DEFAULT_MARKERS, last), JSON.stringify(texts)).toEqual(want);
    }
    expect(developing).toBeGreaterThan(500);
  });

  it("uses the markers it is given, not a table cached for other ones", () => {
    const texts = ["Текст статьи.", "Срочно ждите"];
    expect(detectMarker(texts, { ru: ["Срочно ждите"] }).phrase).toBe("Срочно ждите");
    expect(detectMarker(texts, { ru: ["Иное"] }).developing).toBe(false);
    expect(detectMarker(texts, DEFAULT_MARKERS).developing).toBe(false);
  });

  it("does not mistake a long block for a marker, nor skip a long block padded around one", () => {
    const long = `${"слово ".repeat(40)}конец.`;
    expect(detectMarker([long, "Новость обновляется"], DEFAULT_MARKERS).index).toBe(1);
    expect(detectMarker(["Новость обновляется", long, long], DEFAULT_MARKERS).developing).toBe(false);
    const padded = `${"\u00A0".repeat(200)}«Новость обновляется»${" ".repeat(200)}`;
    expect(detectMarker(["Текст.", padded], DEFAULT_MARKERS).developing).toBe(true);
  });
});
