import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffRevisions, renderDiff } from "../../src/diff/index.js";
import { sanitizeForFeed, sanitizeUncached } from "../../src/publish/sanitize.js";
import { simpleMarkupSanitizer } from "../../src/publish/simple-markup.js";

const BASE = "https://ru.trend.az/business/1.html";

// Words with the characters that matter: entities' own characters, quotes, controls XML forbids, lone
// surrogates, bidi overrides, no-break spaces, Cyrillic and astral letters.
const word = fc.oneof(
  fc.constantFrom("Баку", "ОТГ", "саммит", "и", "2025", "4,5", "—", "«", "»", "Новость", "обновляется"),
  fc.constantFrom("&", "<b>", ">", '"q"', "'", "&amp;", "&#1;", "\u0000", "\u0007", "\u202e", "\ud800"),
  fc.constantFrom("\u00a0", "\r\n", "\t", "Ә", "𝔄", "</p>", "<script>", "[+", "−]"),
  fc.string({ minLength: 1, maxLength: 3, unit: "binary" }),
);
const paragraph = fc.array(word, { minLength: 1, maxLength: 12 }).map((ws) => ws.join(" "));
type Text = { title: string; paragraphs: string[]; developing: boolean };
const revision = fc.record({
  title: paragraph,
  paragraphs: fc.array(paragraph, { maxLength: 6 }),
  developing: fc.boolean(),
});
/** Two revisions sharing some paragraphs, as consecutive revisions do. */
const pair = fc
  .tuple(revision, revision, fc.array(paragraph, { maxLength: 4 }))
  .map(([a, b, shared]): [Text, Text] => [
    { ...a, paragraphs: [...shared, ...a.paragraphs] },
    { ...b, paragraphs: [...shared, ...b.paragraphs.slice(0, 2), ...a.paragraphs.slice(1)] },
  ]);
const layout = fc.constantFrom("inline" as const, "side-by-side" as const);

function rendered(before: Text, after: Text, l: "inline" | "side-by-side"): string {
  return renderDiff(diffRevisions(before, after, { revertOf: null }), "html", { context: 2, layout: l });
}

describe("diff markup skips the HTML parser", () => {
  it("comes out exactly as sanitize-html makes it, for any two revisions", () => {
    fc.assert(
      fc.property(pair, layout, fc.boolean(), ([before, after], l, styled) => {
        const html = rendered(before, after, l);
        expect(sanitizeForFeed(html, BASE, { diffStyles: styled })).toBe(
          sanitizeUncached(html, BASE, styled),
        );
      }),
      { numRuns: 500 },
    );
  });

  it("is taken for every rendered diff, learning each distinct tag once", () => {
    const learned: string[] = [];
    const simple = simpleMarkupSanitizer((tag, name) => {
      learned.push(tag);
      return sanitizeUncached(`${tag}</${name}>`, BASE, true);
    });
    fc.assert(
      fc.property(pair, layout, ([before, after], l) => {
        expect(simple(rendered(before, after, l))).not.toBeNull();
      }),
      { numRuns: 200 },
    );
    expect(learned.length).toBeGreaterThan(3);
    expect(new Set(learned).size).toBe(learned.length);
  });

  it("leaves anything else to the full sanitizer", () => {
    const simple = simpleMarkupSanitizer((tag, name) => sanitizeUncached(`${tag}</${name}>`, BASE, true));
    const hostile = [
      '<p><a href="javascript:alert(1)">x</a></p>',
      '<p style="x" onclick="alert(1)">y</p>',
      "<p>x<p>y</p></p>",
      "<p><table><tr><td>x</td></tr></table></p>",
      "<p>x</p></p>",
      "<p>unclosed",
      "<p>a &amp b</p>",
      "<p>a &#60;script&#62;</p>",
      "<p>a</p><script>alert(1)</script>",
      "<p>a <!-- c --> b</p>",
      "<p>a < b</p>",
      "<tr><td>x</td></tr>",
      "<ins>x</ins>",
      '<p style="a&quot;b">x</p>',
    ];
    for (const html of hostile) {
      expect(simple(html), html).toBeNull();
      expect(sanitizeForFeed(html, BASE, { diffStyles: true })).toBe(sanitizeUncached(html, BASE, true));
    }
  });
});
