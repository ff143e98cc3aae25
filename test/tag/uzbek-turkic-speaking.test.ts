import { describe, expect, it } from "vitest";
import { compileRules } from "../../src/tag/compile.js";
import { DEFAULT_RULES } from "../../src/tag/default-rules.js";
import { tagText } from "../../src/tag/tag-text.js";
import { nameEvidence } from "./name-evidence.js";

/**
 * The Uzbek founding name read as "states speaking Turkic languages" ("Turkiy tillarda so'zlashuvchi
 * davlatlar hamkorlik kengashi"), its summits, and the initials TTSD / ТТСД, which need support like
 * every other abbreviation.
 */
const ots = (rule: string, text: string) => nameEvidence(rule, text, "uz");

describe("Uzbek 'Turkiy tillarda so'zlashuvchi davlatlar'", () => {
  it.each([
    ["ots-former-name", "Turkiy tillarda so'zlashuvchi davlatlar hamkorlik kengashi", "tuzildi."],
    ["ots-former-name", "Turkiy tillarda soʻzlashuvchi davlatlar hamkorlik kengashining", "kotibiyati."],
    ["ots-former-name", "Turkiy tillarda so‘zlashuvchi davlatlar hamkorlik kengashiga", "a’zo bo‘ldi."],
    ["ots-former-name", "Turkiy tillarda so’zlashuvchi davlatlar hamkorlik kengashida", "so‘zladi."],
    ["ots-former-name", "Turkiy tillarda so`zlashuvchi davlatlar hamkorlik kengashidan", "keldi."],
    ["ots-former-name", "Turkiy tillarda sozlashuvchi davlatlar hamkorlik kengashini", "qo'llab."],
    ["ots-former-name", "Turkiy tilda so'zlashadigan davlatlar hamkorlik kengashi", "tuzildi."],
    ["ots-former-name", "Туркий тилларда сўзлашувчи давлатлар ҳамкорлик кенгаши", "тузилди."],
    [
      "ots-former-name",
      "Туркий тилларда сузлашувчи давлатлар хамкорлик кенгашининг",
      "(ў, ҳ typed as у, х).",
    ],
    ["ots-name", "Turkiy tillarda so'zlashuvchi davlatlar Sammiti", "Bokuda o'tdi."],
    ["ots-name", "Turkiy tillarda so'zlashuvchi davlatlar rahbarlarining VII sammitida", "so'zladi."],
    ["ots-name", "Turkiy tillarda so'zlashuvchi davlatlarning 9-sammiti", "o'tdi."],
    ["ots-name", "Туркий тилларда сўзлашувчи давлатлар раҳбарлари саммитида", "сўзлади."],
    ["ots-name", "Turkiy tilli davlatlar sammiti", "o'tdi."],
    ["ots-former-name", "Turkiy kengashga", "a'zo bo'ldi."],
  ])("%s: «%s» %s", (rule, name, rest) => {
    const { tags, names } = ots(rule, `${name} ${rest}`);
    expect(tags).toContain("ots");
    expect(names).toContain(name);
  });

  it.each([
    ["Turkiy tillarda so'zlashuvchi xalqlar lug'ati nashr etildi."],
    ["Turkiy tillarda so'zlashuvchi davlatlar yoshlari bellashdi; hakamlar kengashi g'olibni aniqladi."],
    ["Markaziy Osiyo davlatlari hamkorlik kengashi yig'ildi."],
    ["Shanxay hamkorlik tashkiloti sammiti Ostonada o'tdi."],
    ["Туркий тилларда сўзлашувчи халқлар ёзувчиларининг ҳамкорлик кенгаши тузилди."],
    ["Turkiy tillar tarixi bo'yicha ilmiy kengash yig'ildi."],
  ])("not the organization: %s", (text) => {
    expect(ots("ots-former-name", text).tags).not.toContain("ots");
  });
});

describe("TTSD needs organization words or a supporting signal", () => {
  it.each([
    ["TTSD yig'ilishi bo'ldi.", "TTSD Hamkorlik kengashi yig'ilishi bo'ldi."],
    ["TTSD yig'ilishi bo'ldi.", "TTSD sammiti bo'ldi."],
    ["TTSDning hisoboti chiqdi.", "TTSDning hisoboti O'zbekistonda chiqdi."],
    ["ТТСД йиғилиши бўлди.", "ТТСДга аъзо давлатлар вазирлари учрашди."],
  ])("«%s» alone is not enough; «%s» is", (alone, supported) => {
    expect(ots("ots-abbreviation", alone).tags).not.toContain("ots");
    expect(ots("ots-abbreviation", supported).tags).toEqual(expect.arrayContaining(["ots", "ots-former"]));
  });

  it("does not take TTSD inside a longer abbreviation", () => {
    expect(ots("ots-abbreviation", "TTSDU talabalari O'zbekistonda o'qiydi.").tags).not.toContain("ots");
  });

  it("shows the abbreviation, its support and their spans as evidence", () => {
    const tagger = compileRules(DEFAULT_RULES);
    const text = "Bokudagi TTSD Hamkorlik kengashi yig'ilishi.";
    const ots = tagText(tagger, text, { lang: "uz" }).find((r) => r.tag === "ots");
    expect(ots?.evidence).toEqual([
      { rule: "ots-abbreviation-context", match: "TTSD", start: 9, end: 13 },
      {
        rule: "ots-abbreviation-context support:pattern",
        match: "Hamkorlik kengashi",
        start: 14,
        end: 32,
      },
    ]);
  });
});
