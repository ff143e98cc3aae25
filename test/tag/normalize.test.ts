import { describe, expect, it } from "vitest";
import { foldCase, normalizeForTagging } from "../../src/tag/normalize.js";

describe("foldCase", () => {
  it("folds Turkish and Azerbaijani I to dotless ı and İ to i", () => {
    expect(foldCase("TEŞKİLATI", "tr")).toBe("teşkilatı");
    expect(foldCase("ISTANBUL", "az")).toBe("ıstanbul");
  });

  it("folds İ to a plain i in other languages and keeps the length", () => {
    expect(foldCase("İSTANBUL", "en")).toBe("istanbul");
    expect(foldCase("İ").length).toBe(1);
    expect(foldCase("I", "en")).toBe("i");
  });
});

describe("normalizeForTagging", () => {
  it("drops soft hyphens and maps every index back into the original text", () => {
    const text = "x Органи\u00adзации y";
    const n = normalizeForTagging(text);
    expect(n.cased).toBe("x Организации y");
    const start = n.cased.indexOf("Организации");
    const end = start + "Организации".length;
    expect(text.slice(n.toOriginal(start), n.toOriginal(end))).toBe("Органи\u00adзации");
    expect(n.toOriginal(n.cased.length)).toBe(text.length);
  });

  it("composes decomposed letters (NFC) and strips a stray combining dot above", () => {
    const n = normalizeForTagging("Tu\u0308rk i\u0307l");
    expect(n.cased).toBe("Türk il");
    expect(n.toOriginal(4)).toBe(5);
  });

  it("turns NBSP into a space and every apostrophe into '", () => {
    const n = normalizeForTagging("TDT\u2019nin\u00a0TDT\u02bcnin");
    expect(n.cased).toBe("TDT'nin TDT'nin");
  });

  it("maps Latin look-alikes inside a Cyrillic word to Cyrillic, and the reverse", () => {
    expect(normalizeForTagging("OTГ").cased).toBe("ОТГ");
    expect(normalizeForTagging("Turkiс").cased).toBe("Turkic");
    expect(normalizeForTagging("OTS and ОТГ").cased).toBe("OTS and ОТГ");
  });

  it("folds for matching with the dotted/dotless distinction dropped", () => {
    expect(normalizeForTagging("TÜRK DEVLETLERİ TEŞKİLATI", "tr").folded).toBe("türk devletleri teşkilati");
    expect(normalizeForTagging("TÜRK DEVLETLERİ TEŞKİLATI").folded).toBe("türk devletleri teşkilati");
  });
});
