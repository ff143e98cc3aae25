import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractArticle } from "../../src/extract/index.js";

const fixture = (name: string) =>
  readFileSync(path.join(import.meta.dirname, "../fixtures/pages", name), "utf8");

describe("generic profile on a CMS theme it was not written for", () => {
  it("keeps the article text and drops the date line, share block, post navigation and comments", () => {
    const result = extractArticle(
      fixture("wordpress-ru.html"),
      "https://news.example/2025/10/07/sammit/",
      "generic",
    );
    if (!result.ok) throw new Error(result.message);
    expect(result.article.title).toBe("Саммит ОТГ в Габале");
    expect(result.article.byline).toBe("Иван Петров");
    expect(result.article.paragraphs.map((p) => p.text)).toEqual([
      "В Габале завершился XII саммит Организации тюркских государств, на котором была принята Габалинская декларация.",
      "Лидеры государств-членов обсудили вопросы региональной безопасности и транспортной связанности.",
      "Председательство в организации перешло от Кыргызстана к Азербайджану.",
    ]);
  });
});
