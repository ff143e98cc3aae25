/** fast-check generators for multilingual text: the scripts and the awkward characters revfeed meets. */
import fc from "fast-check";

/** Pieces a text is built from: words of several scripts, emoji, combining sequences, punctuation, spaces. */
export const PIECES = [
  "Баку",
  "Кубанычбек",
  "Куманычбек",
  "ОТГ",
  "партнёрства",
  "партнерства",
  "İstanbul",
  "ılık",
  "ISTANBUL",
  "Türkiye",
  "Azərbaycan",
  "Əliyev",
  "ğ",
  "Қазақстан",
  "ұйымы",
  "өңір",
  "үкімет",
  "Organization",
  "4,5",
  "5",
  "12-й",
  "2025",
  "e\u0301",
  "a\u0308\u0323",
  "\u0301",
  "👩‍👩‍👧",
  "👍🏽",
  "🇦🇿",
  "🇹🇷",
  "#️⃣",
  "🏴󠁧󠁢󠁥󠁮󠁧󠁿",
  "한국어",
  "\u1100\u1161\u11A8",
  "नमस्ते",
  "مرحبا",
  "\u200D",
  "«",
  "»",
  '"',
  "„",
  "“",
  "’",
  "-",
  "–",
  "—",
  ",",
  ".",
  "%",
  "…",
  "(",
  ")",
  " ",
  " ",
  "\u00A0",
  "\u2009",
  "\n",
  "\t",
];

/** A text made of the pieces above. */
export const piecesText = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((p) => p.join(""));

/** Any text: the curated pieces, arbitrary full-Unicode strings (lone surrogates included) and graphemes. */
export const anyText = fc.oneof(
  piecesText,
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
);

/** A second text derived from the first by a few edits, so diffs have both common and changed parts. */
export function editedPair(text: fc.Arbitrary<string>): fc.Arbitrary<[string, string]> {
  return fc
    .tuple(text, fc.array(fc.tuple(fc.nat(), fc.nat(5), piecesText), { maxLength: 4 }))
    .map(([a, edits]) => {
      let b = a;
      for (const [at, len, insert] of edits) {
        const i = b.length === 0 ? 0 : at % (b.length + 1);
        b = b.slice(0, i) + insert + b.slice(i + len);
      }
      return [a, b];
    });
}

/** Paragraph lists where the second is the first with paragraphs edited, moved, inserted and deleted. */
export const paragraphPair: fc.Arbitrary<[string[], string[]]> = fc
  .tuple(
    fc.array(piecesText, { maxLength: 8 }),
    fc.array(
      fc.oneof(
        fc.record({ kind: fc.constant("edit" as const), at: fc.nat(), pair: editedPair(piecesText) }),
        fc.record({ kind: fc.constant("move" as const), at: fc.nat(), to: fc.nat() }),
        fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: piecesText }),
        fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }),
      ),
      { maxLength: 5 },
    ),
  )
  .map(([a, edits]) => {
    const b = a.slice();
    for (const e of edits) {
      const i = b.length === 0 ? 0 : e.at % b.length;
      if (e.kind === "insert") b.splice(e.at % (b.length + 1), 0, e.text);
      else if (b.length === 0) continue;
      else if (e.kind === "delete") b.splice(i, 1);
      else if (e.kind === "edit") b[i] = `${b[i]}${e.pair[1]}`;
      else {
        const [moved] = b.splice(i, 1);
        b.splice(e.to % (b.length + 1), 0, moved as string);
      }
    }
    return [a, b];
  });
