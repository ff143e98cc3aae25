import { describe, expect, it } from "vitest";
import { applyWordOps, diffWords, isTypographicEdit, tokenize } from "../../src/diff/index.js";

const edits = (a: string, b: string) => diffWords(a, b).filter((o) => o.op !== "equal");

describe("diffWords", () => {
  it.each([
    ["Куманычбек Омуралиев", "Кубанычбек Омуралиев", "Куманычбек", "Кубанычбек"],
    ["рост 4,5% за год", "рост 5% за год", "4,5", "5"],
    ["İstanbul'da", "Istanbul'da", "İstanbul", "Istanbul"],
    ["ılık hava", "ilik hava", "ılık", "ilik"],
    ["Azərbaycan", "Azerbaycan", "Azərbaycan", "Azerbaycan"],
    ["Ağdam", "Agdam", "Ağdam", "Agdam"],
    ["өңір үкімет ұйымы", "өңір үкімет ұйымның", "ұйымы", "ұйымның"],
    ["Cafe\u0301 open", "Cafe\u0300 open", "Cafe\u0301", "Cafe\u0300"],
  ])("changes whole words: %s → %s", (a, b, removed, added) => {
    expect(edits(a, b)).toEqual([
      { op: "delete", text: removed },
      { op: "insert", text: added },
    ]);
  });

  it("keeps emoji sequences whole", () => {
    expect(edits("ура 👩‍👩‍👧 ура", "ура 👩‍👩‍👦 ура")).toEqual([
      { op: "delete", text: "👩‍👩‍👧" },
      { op: "insert", text: "👩‍👩‍👦" },
    ]);
    expect(tokenize("🇦🇿🇹🇷👍🏽")).toEqual(["🇦🇿", "🇹🇷", "👍🏽"]);
  });

  it("folds a lone space between two replacements into one replacement", () => {
    expect(edits("министр Микаил Джаббаров сказал", "министр Иван Петров сказал")).toEqual([
      { op: "delete", text: "Микаил Джаббаров" },
      { op: "insert", text: "Иван Петров" },
    ]);
  });

  it("shows an enormous rewrite as one replacement instead of searching for long", () => {
    const a = Array.from({ length: 3000 }, (_, i) => `слово${i % 97}`).join(" ");
    const b = Array.from({ length: 3000 }, (_, i) => `текст${i % 89}`).join(" ");
    const ops = diffWords(a, b);
    expect(ops.map((o) => o.op)).toEqual(["delete", "insert"]);
    expect(applyWordOps(a, ops)).toBe(b);
  });
});

describe("isTypographicEdit", () => {
  it.each([
    ['"ОТГ"', "«ОТГ»"],
    ["ОТГ", "«ОТГ»"],
    ["государствами - членами", "государствами – членами"],
    ["партнёрства", "партнерства"],
    ["TÜRK DEVLETLERİ TEŞKİLATI", "Türk Devletleri Teşkilatı"],
    ["ISTANBUL", "istanbul"],
    ["слово ,слово", "слово, слово"],
    ["10\u00A0000", "10 000"],
    ["Tu\u0308rkiye", "Türkiye"],
    ["так...", "так…"],
  ])("%s → %s is typographic", (a, b) => expect(isTypographicEdit(a, b)).toBe(true));

  it.each([
    ["Kacır", "Kacir"],
    ["ə", "e"],
    ["4,5%", "5%"],
    ["Куманычбек", "Кубанычбек"],
    ["слово.", "слово,"],
    ["same", "same"],
  ])("%s → %s is not typographic", (a, b) => expect(isTypographicEdit(a, b)).toBe(false));
});
