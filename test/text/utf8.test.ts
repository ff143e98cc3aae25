import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { articlePage } from "../../bench/lib/pages.js";
import { decodeUtf8, encodeUtf8 } from "../../src/text/utf8.js";

/** The reference: what every decoder in revfeed used before, and what the WHATWG Encoding spec says. */
const reference = new TextDecoder("utf-8");

/** Bytes that matter to a UTF-8 decoder: ASCII, lead and continuation bytes, a BOM, and the invalid ones. */
const byte = fc.oneof(
  fc.integer({ min: 0, max: 0x7f }),
  fc.integer({ min: 0x80, max: 0xbf }),
  fc.integer({ min: 0xc0, max: 0xff }),
  fc.constantFrom(0xef, 0xbb, 0xbf, 0xed, 0xa0, 0xf4, 0x90, 0xc0, 0xc1, 0xf5),
);

/** Long enough to take the fast path (it applies from 256 bytes). */
const LONG = 600;

describe("decodeUtf8", () => {
  it("decodes any text as TextDecoder does, short or long, with or without a byte order mark", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 40 }),
        fc.integer({ min: 1, max: 40 }),
        fc.boolean(),
        (s, times, bom) => {
          const bytes = Buffer.concat([
            Buffer.from(bom ? [0xef, 0xbb, 0xbf] : []),
            Buffer.from(s.repeat(times)),
          ]);
          expect(decodeUtf8(bytes)).toBe(reference.decode(bytes));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("replaces malformed bytes with U+FFFD exactly as TextDecoder does", () => {
    fc.assert(
      fc.property(
        fc.array(byte, { maxLength: 40 }),
        fc.string({ unit: "grapheme", minLength: 1, maxLength: 8 }),
        (junk, text) => {
          // Valid text long enough for the fast path, with arbitrary bytes spliced into its middle.
          const valid = Buffer.from(text.repeat(Math.ceil(LONG / Buffer.byteLength(text))));
          const half = valid.length >> 1;
          const bytes = Buffer.concat([valid.subarray(0, half), Buffer.from(junk), valid.subarray(half)]);
          expect(decodeUtf8(bytes)).toBe(reference.decode(bytes));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("decodes a Russian article page, a cut in the middle of a character, and empty input", () => {
    const page = Buffer.from(articlePage(7, 1));
    expect(page.length).toBeGreaterThan(60_000);
    expect(decodeUtf8(page)).toBe(page.toString("utf8"));
    const cyrillic = page.indexOf(Buffer.from("Баку"));
    expect(cyrillic).toBeGreaterThan(LONG);
    const cut = page.subarray(0, cyrillic + 1);
    expect(decodeUtf8(cut)).toBe(reference.decode(cut));
    expect(decodeUtf8(cut).endsWith("\ufffd")).toBe(true);
    expect(decodeUtf8(new Uint8Array(0))).toBe("");
    const huge = Buffer.concat(Array.from({ length: 20 }, () => page)); // over 1 MB: TextDecoder's path
    expect(huge.length).toBeGreaterThan(1 << 20);
    expect(decodeUtf8(huge)).toBe(reference.decode(huge));
  });

  it("reads a view into a larger buffer, not the buffer around it", () => {
    const text = "Организация тюркских государств ".repeat(20);
    const around = Buffer.from(`xx${text}yy`);
    const view = new Uint8Array(around.buffer, around.byteOffset + 2, around.length - 4);
    expect(decodeUtf8(view)).toBe(text);
  });
});

describe("encodeUtf8", () => {
  const textEncoder = new TextEncoder();
  /** Code units that matter to an encoder: ASCII, Cyrillic, astral pairs, and lone surrogates. */
  const unit = fc.oneof(
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 3 }),
    fc.constantFrom("\ud800", "\udfff", "\ud83d\ude00", "\ufeff", "\u0000", "ё", "Ә"),
  );

  it("encodes any string as TextEncoder does, short or long, lone surrogates included", () => {
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), fc.integer({ min: 1, max: 60 }), (s, times) => {
        const text = s.repeat(times);
        expect(Buffer.from(encodeUtf8(text)).equals(Buffer.from(textEncoder.encode(text)))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("round-trips a Russian article page", () => {
    const page = articlePage(11, 2);
    expect(decodeUtf8(encodeUtf8(page))).toBe(page);
  });
});
