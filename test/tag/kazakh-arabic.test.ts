import { describe, expect, it } from "vitest";
import { compileRules } from "../../src/tag/compile.js";
import { DEFAULT_RULES } from "../../src/tag/default-rules.js";
import { normalizeForTagging } from "../../src/tag/normalize.js";
import { prefixes } from "../../src/tag/pattern.js";
import { tagText } from "../../src/tag/tag-text.js";
import { kazakhArabic } from "../../src/tag/vocabulary/kazakh-arabic.js";
import { nameEvidence } from "./name-evidence.js";

/**
 * Kazakh in the Arabic script (töte jazu): the Kazakh rules, written once in Cyrillic, also find the
 * names in Arabic-script Kazakh (src/tag/vocabulary/kazakh-arabic.ts), with or without the hamza that
 * marks a front-vowel word, and through tatweel, ZWNJ and presentation forms.
 */

const whole = (src: string) => new RegExp(`^(?:${kazakhArabic(src)})$`, "u");

describe("kazakhArabic", () => {
  it("spells each Cyrillic letter in Arabic letters and keeps the regex syntax", () => {
    expect(kazakhArabic("ас\\s+ол\\p{L}*")).toBe("(?:[ءٴ]?ا)(?:[ءٴ]?س)\\s+(?:[ءٴ]?و)(?:[ءٴ]?ل)\\p{L}*");
    expect(whole("түркі").test("تۇركى")).toBe(true);
    expect(whole("кеңесі").test("كەڭەسى")).toBe(true);
  });

  it("accepts the hamza before the word or not at all, and ٸ ٵ ٶ ٷ precomposed or plain", () => {
    for (const text of ["ءسامميتى", "ٴسامميتى", "سامميتى", "سامميتٸ"])
      expect(whole("саммиті").test(text)).toBe(true);
    for (const text of ["ءوتتى", "ٶتتى", "وٴتتى"]) expect(whole("өтті").test(text)).toBe(true);
    for (const text of ["ءالەم", "ٵلەم", "الەم"]) expect(whole("әлем").test(text)).toBe(true);
    // The NFKC form of ٸ is يٴ; a plain ي is и, not і.
    expect(whole("саммиті").test("سامميتيٴ")).toBe(true);
    expect(whole("саммиті").test("سامميتي")).toBe(false);
  });

  it("accepts the Persian and Arabic look-alikes of ك ى ي ە", () => {
    expect(whole("түркі\\s+кеңесі").test("تۇرکی کەڭەسی")).toBe(true);
    expect(whole("мемлекеттері").test("مهملهكهتتهرى")).toBe(true);
  });

  it("keeps a quantifier on the whole spelling of the letter before it, hamza included", () => {
    const re = whole("кеңш?і");
    expect(re.test("كەڭى")).toBe(true);
    expect(re.test("كەڭشى")).toBe(true);
    expect(re.test("كەڭسى")).toBe(false);
  });

  it("rejects a letter it has no spelling for, and a Cyrillic range", () => {
    expect(() => kazakhArabic("ў")).toThrow(/no Arabic-script spelling for «ў»/);
    expect(() => kazakhArabic("[а-я]")).toThrow(/plain list/);
  });

  it("gives patterns the scanner can file under their first letters", () => {
    expect(prefixes(kazakhArabic("түркі\\s+кеңесі\\p{L}*"), 3)?.size).toBeGreaterThan(0);
  });
});

describe("normalising Arabic-script text", () => {
  it("removes tatweel and ZWNJ and maps back into the original text", () => {
    const text = "كەڭـەس\u200cى";
    const norm = normalizeForTagging(text, "kk");
    expect(norm.folded).toBe("كەڭەسى");
    expect(norm.toOriginal(norm.folded.length)).toBe(text.length);
    expect(norm.toOriginal(4)).toBe(5);
  });

  it("maps presentation forms to the letters (NFKC)", () => {
    // ﯗ is ۇ (isolated form), ﺕ is ت (isolated form).
    expect(normalizeForTagging("ﺕﯗ", "kk").folded).toBe("تۇ");
  });
});

const ots = (rule: string, text: string) => nameEvidence(rule, text, "kk");

describe("Kazakh Arabic-script names of the organization", () => {
  it.each([
    // The current name, with case endings and the genitive мемлекеттерінің.
    ["ots-name", "تۇركى مەملەكەتتەرى ۇيىمى", "قۇرىلدى."],
    ["ots-name", "تۇركى مەملەكەتتەرى ۇيىمىنا", "مۇشە مەملەكەتتەر باسشىلارى كەڭەسىنىڭ XII ءسامميتى"],
    ["ots-name", "تۇركى مەملەكەتتەرى ۇيىمىنىڭ", "باس حاتشىسى."],
    ["ots-name", "تۇركى مەملەكەتتەرىنىڭ ۇيىمىندا", "ءوتتى."],
    ["ots-name", "تۇركى مەملەكەتتەرى باسشىلارىنىڭ بەيرەسمي ءسامميتى", "ءوتتى."],
    ["ots-name", "تۇركى مەملەكەتتەرى سامميتى", "ءوتتى."],
    // The Turkic Council.
    ["ots-former-name", "تۇركى كەڭەسى", "قۇرىلدى."],
    ["ots-former-name", "تۇركى كەڭەسىنىڭ", "ءسامميتى."],
    // The founding name, тілдес written together or apart, елдер or мемлекеттер.
    ["ots-former-name", "تۇركىتىلدەس ەلدەردىڭ ىنتىماقتاستىق كەڭەسى", "قۇرىلدى."],
    ["ots-former-name", "تۇركى تىلدەس مەملەكەتتەردىڭ ىنتىماقتاستىق كەڭەسىنىڭ", "حاتشىلىعى."],
    ["ots-former-name", "ٴتۇركى ٴتىلدەس مەملەكەتتەردىڭ ىنتىماقتاستىق كەڭەسىنە", "مۇشە بولدى."],
  ])("%s: «%s» %s", (rule, name, rest) => {
    const { tags, names } = ots(rule, `${name} ${rest}`);
    expect(tags).toContain("ots");
    expect(names).toContain(name);
  });

  it.each([
    ["تۇركسوي الماتىدا كونسەرت وتكىزدى."],
    ["حالىقارالىق تۇركى اكادەميياسى جاڭا سوزدىك شىعاردى."],
    ["تۇركى الەمى مادەنيەتىنىڭ كۇندەرى تۇركىستاندا باستالدى."],
    ["شانحاي ىنتىماقتاستىق ۇيىمىنىڭ ءسامميتى استانادا ءوتتى."],
    ["بۇرىنعى تۇركى كەڭەس رەسپۋبليكالارىنىڭ ەكونوميكاسى ءوستى."],
    ["اقساقالدار تۇركى تىلدەس مەملەكەتتەردىڭ جاستارىنا كەڭەس بەردى."],
    ["تۇركى مەملەكەتتەرىنىڭ ۇيىمداستىرعان كورمەسى اشىلدى."],
  ])("not the organization: %s", (text) => {
    expect(ots("ots-name", text).tags).not.toContain("ots");
  });
});

describe("evidence for a Kazakh Arabic-script name", () => {
  it("names the rule and the span of the whole name in the caller's text, ZWNJ and tatweel included", () => {
    const tagger = compileRules(DEFAULT_RULES);
    const text = "وزبەكستان 2019 جىلى تۇر\u200cكى كەڭـەسىنە تولىق مۇشە بولدى.";
    const found = tagText(tagger, text, { lang: "kk" }).find((r) => r.tag === "ots");
    expect(found?.evidence).toEqual([
      { rule: "ots-former-name", match: "تۇر\u200cكى كەڭـەسىنە", start: 20, end: 36 },
    ]);
    expect(text.slice(20, 36)).toBe("تۇر\u200cكى كەڭـەسىنە");
  });
});
