import { describe, expect, it } from "vitest";
import { contentHash, normalizeText } from "../../src/watch/normalize.js";

describe("normalizeText", () => {
  it("folds Unicode spaces, removes invisible characters, collapses line breaks and trims", () => {
    expect(normalizeText("  Новость\u00A0обновляется\u2009— \r\n\tсегодня  ")).toBe(
      "Новость обновляется — сегодня",
    );
    expect(normalizeText("тюрк\u00ADских госу\u200Bдарств\uFEFF")).toBe("тюркских государств");
    expect(normalizeText("a\u2028b\u3000c")).toBe("a b c");
  });

  it("composes to NFC", () => {
    const decomposed = "Xe\u0301";
    expect(normalizeText(decomposed)).toBe("X\u00E9");
    expect(normalizeText("Türk".normalize("NFD"))).toBe("Türk");
  });
});

describe("contentHash", () => {
  it("is sha256 hex and equal for whitespace-only differences", () => {
    const a = contentHash("Заголовок", ["Первый абзац.", "Второй абзац."]);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHash(" Заголовок\u00A0", ["Первый\u00A0 абзац.", "", "Второй\nабзац. "])).toBe(a);
  });

  it("changes with any word, the title, or where a paragraph breaks", () => {
    const a = contentHash("Заголовок", ["Первый абзац.", "Второй абзац."]);
    expect(contentHash("Заголовок (ФОТО)", ["Первый абзац.", "Второй абзац."])).not.toBe(a);
    expect(contentHash("Заголовок", ["Первый абзац.", "Второй абзац!"])).not.toBe(a);
    expect(contentHash("Заголовок", ["Первый абзац. Второй абзац."])).not.toBe(a);
    expect(contentHash("Заголовок Первый абзац.", ["Второй абзац."])).not.toBe(a);
  });
});
