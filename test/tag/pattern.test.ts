import { describe, expect, it } from "vitest";
import { foldPatternSource, prefixes } from "../../src/tag/pattern.js";

describe("foldPatternSource", () => {
  it("lower-cases literals but leaves escapes alone", () => {
    expect(foldPatternSource("Teşkilatı\\p{L}*\\S\\u0130")).toBe("teşkilati\\p{L}*\\S\\u0130");
  });
});

describe("prefixes", () => {
  it("lists the starts of literals, classes and groups", () => {
    expect(prefixes("ots", 2)).toEqual(new Set(["ot"]));
    expect(prefixes("(?:куб|кум)аныч", 3)).toEqual(new Set(["куб", "кум"]));
    expect(prefixes("[әа]з", 2)).toEqual(new Set(["әз", "аз"]));
  });

  it("follows both ways around an optional atom", () => {
    expect(prefixes("o'?zbek", 3)).toEqual(new Set(["ozb", "o'z"]));
    expect(prefixes("(?:the\\s+)?turkic", 2)).toEqual(new Set(["tu", "th"]));
    expect(prefixes("ab?", 2)).toBeNull();
  });

  it("gives up when the start cannot be told", () => {
    expect(prefixes("o'*zbek", 3)).toBeNull();
    expect(prefixes("\\p{L}+x", 1)).toBeNull();
    expect(prefixes("a+b", 2)).toBeNull();
    expect(prefixes("ab", 3)).toBeNull();
  });
});
