import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyChange,
  applyParagraphOps,
  applyWordOps,
  diffRevisions,
  diffWords,
  renderDiff,
  tokenize,
} from "../../src/diff/index.js";
import { anyText, editedPair, PIECES, paragraphPair, piecesText } from "./arbitraries.js";

const RUNS = { numRuns: 400 };

/** Start offsets of the graphemes of a text, as Intl.Segmenter sees them. */
function graphemeStarts(text: string): Set<number> {
  const starts = new Set<number>([text.length]);
  for (const s of new Intl.Segmenter("und", { granularity: "grapheme" }).segment(text)) starts.add(s.index);
  return starts;
}

describe("tokenize", () => {
  it("gives back the input exactly when joined", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(tokenize(text).join("")).toBe(text);
      }),
      RUNS,
    );
  });

  it("never splits a grapheme (emoji, ZWJ sequences, flags, combining marks, Hangul jamo)", () => {
    fc.assert(
      fc.property(fc.oneof(piecesText, fc.string({ unit: "grapheme-composite", maxLength: 20 })), (text) => {
        const starts = graphemeStarts(text);
        let at = 0;
        for (const token of tokenize(text)) {
          expect(starts.has(at), `token boundary at ${at} in ${JSON.stringify(text)}`).toBe(true);
          at += token.length;
        }
      }),
      RUNS,
    );
  });

  it("keeps every curated piece that is one grapheme as one token", () => {
    for (const piece of PIECES) {
      if ([...new Intl.Segmenter("und").segment(piece)].length === 1)
        expect(tokenize(piece)).toEqual([piece]);
    }
  });
});

describe("word diff", () => {
  it("applied to the old text gives the new text, and never has empty or merged-away runs", () => {
    fc.assert(
      fc.property(
        fc.oneof(editedPair(piecesText), editedPair(anyText), fc.tuple(anyText, anyText)),
        ([a, b]) => {
          const ops = diffWords(a, b);
          expect(applyWordOps(a, ops)).toBe(b);
          for (const [i, op] of ops.entries()) {
            expect(op.text).not.toBe("");
            const next = ops[i + 1];
            if (next) expect(next.op === op.op).toBe(false);
            if (op.op === "insert") expect(next?.op).not.toBe("delete");
          }
        },
      ),
      RUNS,
    );
  });
});

describe("paragraph diff", () => {
  it("applied to the old revision gives the new revision exactly", () => {
    fc.assert(
      fc.property(
        paragraphPair,
        editedPair(piecesText),
        fc.boolean(),
        fc.boolean(),
        ([pa, pb], [ta, tb], da, db) => {
          const change = diffRevisions(
            { title: ta, paragraphs: pa, developing: da },
            { title: tb, paragraphs: pb, developing: db },
          );
          expect(applyChange({ title: ta, paragraphs: pa }, change)).toEqual({ title: tb, paragraphs: pb });
        },
      ),
      RUNS,
    );
  });

  it("works on arbitrary Unicode paragraphs too", () => {
    fc.assert(
      fc.property(fc.array(anyText, { maxLength: 6 }), fc.array(anyText, { maxLength: 6 }), (pa, pb) => {
        const change = diffRevisions({ title: "", paragraphs: pa }, { title: "", paragraphs: pb });
        expect(applyParagraphOps(pa, change.paragraphs)).toEqual(pb);
      }),
      RUNS,
    );
  });

  it("labels an identical pair with nothing and counts no words", () => {
    fc.assert(
      fc.property(fc.array(piecesText, { maxLength: 6 }), piecesText, (paras, title) => {
        const change = diffRevisions({ title, paragraphs: paras }, { title, paragraphs: paras });
        expect(change.labels).toEqual([]);
        expect(change.minor).toBe(false);
        expect(change.stats.wordsAdded + change.stats.wordsRemoved).toBe(0);
      }),
      RUNS,
    );
  });

  it("renders every format without throwing, and HTML output never carries raw markup from the text", () => {
    fc.assert(
      fc.property(paragraphPair, fc.option(fc.nat(3), { nil: undefined }), ([pa, pb], context) => {
        const hostile = (p: string[]) => p.map((s, i) => (i % 2 ? `${s}<script>x</script>` : s));
        const change = diffRevisions(
          { title: "<b>", paragraphs: hostile(pa) },
          { title: "&", paragraphs: hostile(pb) },
        );
        for (const format of ["text", "color", "json"] as const)
          expect(renderDiff(change, format, { context })).toBeTruthy();
        for (const layout of ["inline", "side-by-side"] as const) {
          const html = renderDiff(change, "html", { context, layout });
          expect(html).not.toContain("<script>");
          expect(html).not.toContain("<b>");
        }
      }),
      { numRuns: 100 },
    );
  });
});
