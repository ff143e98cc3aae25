import { describe, expect, it } from "vitest";
import { compileRules } from "../../src/tag/compile.js";
import { DEFAULT_RULES } from "../../src/tag/default-rules.js";
import { tagText } from "../../src/tag/tag-text.js";

const tagger = compileRules(DEFAULT_RULES);
const tags = (text: string, lang?: string) =>
  tagText(tagger, text, lang === undefined ? {} : { lang }).map((r) => r.tag);

describe("default vocabulary (domain.md §6)", () => {
  it("tags Trend's typo Куманычбек Омуралиев as the Secretary General (item 4)", () => {
    expect(tags("Генеральный секретарь Куманычбек Омуралиев выступил на форуме.")).toContain(
      "ots-secretary-general",
    );
  });

  it("does not take a lone Omuraliev surname for the Secretary General", () => {
    expect(tags("Бишкекский суд арестовал бизнесмена Омуралиева.")).not.toContain("ots-secretary-general");
  });

  it("tags OTГ with Latin O and T, never UTC (item 5)", () => {
    expect(tags("Министры стран OTГ собрались в Анкаре, Турция предложила маршрут.")).toContain("ots");
    expect(
      tags("Under the auspices of the UTC, Azerbaijan and Kazakhstan met. Baku (UTC +04:00)."),
    ).not.toContain("ots");
  });

  it.each([
    ["Ukrainian hromada", "Глава ОТГ сообщил, что громада получила субвенцию. Азербайджан тут ни при чём."],
    ["Manas University", "Студенты КТМУ из Кыргызстана победили на олимпиаде."],
    [
      "Indian one-time settlement",
      "The bank's OTS scheme: a One Time Settlement for loans. Kazakhstan is not involved.",
    ],
    ["Tashkent technical university", "TDTU talabalari O‘zbekiston chempionatida g‘olib bo‘ldi."],
    ["lower-case отг", "Ссылка: site.az/news/отг-и-турция"],
  ])("never tags abbreviation collisions: %s (item 6)", (_, text) => {
    expect(tags(text)).not.toContain("ots");
  });

  it.each([
    ["capitals with dotted İ", "TÜRK DEVLETLERİ TEŞKİLATI ZİRVESİ BAŞLADI", "tr"],
    ["capitals without a language", "TÜRK DEVLETLERİ TEŞKİLATI ZİRVESİ BAŞLADI", undefined],
    ["curly apostrophe", "TDT’nin genel sekreteri Azerbaycan'da.", "tr"],
    ["straight apostrophe", "TDT'nin genel sekreteri Azerbaycan'da.", "tr"],
    ["hyphen suffix", "Macarıstan TDT-yə müşahidəçi kimi qoşulub.", "az"],
    ["Uzbek dative", "O‘zbekiston Turkiy davlatlar tashkilotiga a’zo bo‘ldi.", "uz"],
    ["Kazakh suffix", "ТМҰ-ның отырысы Әзірбайжанда өтеді.", "kk"],
    ["Kyrgyz attached suffix", "ТМУнун башкы катчысы Өзбекстанга барды.", "ky"],
  ])("survives case folding and suffixes: %s (item 7)", (_, text, lang) => {
    expect(tags(text, lang)).toContain("ots");
  });

  it("requires support for an abbreviation alone (a capital city is not enough)", () => {
    expect(tags("OTS leaders met in Astana this week.")).not.toContain("ots");
    expect(tags("OTS cadets graduated this week.")).not.toContain("ots");
    expect(tags("OTS leaders met in Kazakhstan this week.")).toContain("ots");
  });

  it("gives ots-summit only with the organization: FC Gabala is not a summit (item 12)", () => {
    expect(tags("FC Gabala beat Sabah at the summit of the league table.")).toEqual([]);
    expect(tags("Габала: 12-й саммит Организации тюркских государств прошёл в Габале.")).toEqual([
      "ots",
      "ots-summit",
    ]);
  });

  it("tags former names as ots and ots-former", () => {
    expect(tags("The Turkic Council was renamed in 2021.")).toEqual(["ots", "ots-former"]);
  });

  it("keeps signals out of the result unless asked", () => {
    const text = "Azerbaijan and Kazakhstan signed a grain deal.";
    expect(tagText(tagger, text)).toEqual([]);
    expect(tagText(tagger, text, { includeSignals: true }).map((r) => r.tag)).toEqual([
      "member-az",
      "member-kz",
    ]);
  });
});
