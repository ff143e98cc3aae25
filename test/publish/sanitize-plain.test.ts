import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sanitizeForFeed, sanitizeUncached } from "../../src/publish/sanitize.js";
import { plainParagraphHtml } from "../../src/store/paragraph-codec.js";

const BASE = "https://ru.trend.az/business/1.html";

// Text with the characters that matter here: entities' own characters, quotes, controls XML forbids,
// lone surrogates, bidi overrides, no-break spaces, Cyrillic and astral letters.
const tricky = fc.string({
  unit: fc.oneof(
    fc.constantFrom("&", "<", ">", '"', "'", ";", "amp", "lt", "#1", "\u0000", "\u0007", "\u0085", "\u202e"),
    fc.constantFrom("\u00a0", "\ud800", "\udc00", "\ufffe", "Ә", "ё", "𝔄", " ", "\n", "\t", "p", "/"),
    fc.string({ minLength: 1, maxLength: 1, unit: "binary" }),
  ),
  maxLength: 40,
});

describe("plain paragraphs skip the HTML parser", () => {
  it("come out exactly as sanitize-html makes them, for any text", () => {
    fc.assert(
      fc.property(tricky, (text) => {
        const html = plainParagraphHtml(text);
        expect(sanitizeForFeed(html, BASE)).toBe(sanitizeUncached(html, BASE, false));
      }),
      { numRuns: 2000 },
    );
  });

  it("still parses anything that only looks plain", () => {
    for (const html of [
      "<p>a &quot;b&quot;</p>",
      "<p>a &#60;script&#62;</p>",
      "<p>x</p><script>alert(1)</script><p>y</p>",
      "<p onclick=x>y</p>",
      "<p>x &amp y</p>",
    ]) {
      expect(sanitizeForFeed(html, BASE)).toBe(sanitizeUncached(html, BASE, false));
    }
    expect(sanitizeForFeed("<p>x</p><script>alert(1)</script><p>y</p>", BASE)).not.toContain("script");
  });
});
