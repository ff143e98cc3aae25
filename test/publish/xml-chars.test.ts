import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stripInvalidXmlChars } from "../../src/text/xml-chars.js";

/** The rule, written per code point from XML 1.0's Char production, the C1 controls (except NEL) and bidi controls. */
function allowed(cp: number): boolean {
  if (cp === 0x9 || cp === 0xa || cp === 0xd) return true;
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0x84) || (cp >= 0x86 && cp <= 0x9f)) return false;
  if (cp >= 0xd800 && cp <= 0xdfff) return false; // a lone surrogate: for..of yields pairs as one code point
  if (cp === 0xfffe || cp === 0xffff) return false;
  if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)) return false;
  return true;
}

const oracle = (s: string) => [...s].filter((c) => allowed(c.codePointAt(0) as number)).join("");

const unit = fc.oneof(
  fc.constantFrom("\u0000", "\u0009", "\u000b", "\u001f", "\u007f", "\u0085", "\u0086", "\u009f"),
  fc.constantFrom("\ud800", "\udbff", "\udc00", "\udfff", "\ud83d\ude00", "\ufffe", "\uffff", "\ufffd"),
  fc.constantFrom("\u202a", "\u202e", "\u2066", "\u2069", "\u200f", "Ә", "ё", " "),
  fc.string({ minLength: 1, maxLength: 1, unit: "binary" }),
);

describe("stripInvalidXmlChars", () => {
  it("removes exactly the characters XML forbids and the bidi controls", () => {
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 30 }), (s) => {
        expect(stripInvalidXmlChars(s)).toBe(oracle(s));
      }),
      { numRuns: 3000 },
    );
  });

  it("returns clean text as it is", () => {
    const text = "Министры ОТГ встретились в Баку — «Новость обновляется». 😀\n\tTürk Devletleri Teşkilatı";
    expect(stripInvalidXmlChars(text)).toBe(text);
  });
});
