import { parseDocument } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { splitBlocks } from "../../src/extract/blocks.js";
import { isServiceLine } from "../../src/extract/boilerplate.js";
import { one } from "../../src/extract/page-meta.js";
import { shrankSuspiciously } from "../../src/extract/plausibility.js";

const BASE = "https://ru.trend.az/a/1.html";
function blocks(html: string) {
  const root = one("div", parseDocument(html));
  if (!root) throw new Error("no div");
  return splitBlocks(root, BASE).map((b) => [b.text, b.html]);
}

describe("splitBlocks", () => {
  it("takes paragraphs, headings, quotes and list items as blocks", () => {
    expect(
      blocks(
        "<div><p>Один</p><h2>Два</h2><blockquote><p>Три</p><p>три</p></blockquote><ul><li>Четыре</li></ul></div>",
      ),
    ).toEqual([
      ["Один", "<p>Один</p>"],
      ["Два", "<h2>Два</h2>"],
      ["Три три", "<blockquote><p>Три</p><p>три</p></blockquote>"],
      ["Четыре", "<p>Четыре</p>"],
    ]);
  });

  it("treats a div with only inline content as a block, and skips empty ones", () => {
    expect(
      blocks("<div><p>Текст</p><div> <em>Новость обновляется</em> </div><p>\u00A0</p><div></div></div>"),
    ).toEqual([
      ["Текст", "<p>Текст</p>"],
      ["Новость обновляется", "<p><em>Новость обновляется</em></p>"],
    ]);
  });

  it("turns loose text into blocks split at double line breaks, dropping a bare <time>", () => {
    expect(
      blocks('<div><time datetime="2025-10-24">24.10</time><p>Г</p>А<br>Б<br><br>В<br><br></div>'),
    ).toEqual([
      ["Г", "<p>Г</p>"],
      ["А Б", "<p>А<br />Б</p>"],
      ["В", "<p>В</p>"],
    ]);
  });
});

describe("isServiceLine", () => {
  it.each([
    "Stay up-to-date with more news on Trend News Agency's WhatsApp channel",
    "Trend-i buradan izləyin: Telegram | WhatsApp",
    "Подписывайтесь на наш Telegram-канал @trend",
    "Следите за новостями в Telegram: @www_Trend_Az",
    "По вопросам: agency@trend.az",
    "Просмотров: 1 012",
    "Views: 1204",
    "14:41 (UTC +04:00)",
    "24 октября 2025 14:35 (UTC +04:00)",
  ])("drops %s", (text) => {
    expect(isServiceLine(text)).toBe(true);
  });

  it.each([
    "Роскомнадзор ограничил работу Telegram и WhatsApp в ряде регионов, сообщили в ведомстве.",
    "The Organization of Turkic States (OTS) is an intergovernmental organization whose overarching aim is promoting comprehensive cooperation among Turkic States.",
    "Новость обновляется",
    "Встреча началась в 14:35 по местному времени.",
  ])("keeps %s", (text) => {
    expect(isServiceLine(text)).toBe(false);
  });

  it("never drops a long paragraph, whatever it mentions", () => {
    expect(isServiceLine(`${"Подробный текст статьи. ".repeat(20)}Подписывайтесь на канал в Telegram.`)).toBe(
      false,
    );
  });
});

describe("shrankSuspiciously", () => {
  it("flags a body that lost most of its text, not one that lost a paragraph", () => {
    const before = ["a".repeat(400), "b".repeat(400), "c".repeat(200)];
    expect(shrankSuspiciously(before, ["a".repeat(300)])).toBe(true);
    expect(shrankSuspiciously(before, before.slice(0, 2))).toBe(false);
    expect(shrankSuspiciously([], ["x"])).toBe(false);
  });
});
