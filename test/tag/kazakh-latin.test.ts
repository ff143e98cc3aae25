import { describe, expect, it } from "vitest";
import { compileRules } from "../../src/tag/compile.js";
import { DEFAULT_RULES } from "../../src/tag/default-rules.js";
import { tagText } from "../../src/tag/tag-text.js";
import { kazakhLatin } from "../../src/tag/vocabulary/kazakh-latin.js";
import { nameEvidence } from "./name-evidence.js";

/**
 * Kazakh in the Latin script: the 2018 alphabet (acute letters á ǵ ı ń ó ú ý, sh/ch), its 2021 revision
 * (ä ğ ı ñ ö ü ū ş ç) and ASCII typing all reach the same Kazakh rules, which are written once in
 * Cyrillic (src/tag/vocabulary/kazakh-latin.ts).
 */

describe("kazakhLatin", () => {
  it("turns each Cyrillic letter into its Latin spellings and keeps the regex syntax", () => {
    expect(kazakhLatin("түркі\\s+кеңесі\\p{L}*")).toBe("t[úüu]rki\\s+ke(?:[ńñ]|ng?)esi\\p{L}*");
    expect(kazakhLatin("ұйымы(?:ның)?")).toBe("[uū][iy]ymy(?:ny(?:[ńñ]|ng?))?");
  });

  it("keeps a quantifier on the whole spelling of the letter before it", () => {
    const re = new RegExp(`^(?:${kazakhLatin("кеңш?і")})$`, "u");
    expect(re.test("keńi")).toBe(true);
    expect(re.test("keńshi")).toBe(true);
    expect(re.test("keńsi")).toBe(false);
  });

  it("spells a class of Cyrillic letters as a group", () => {
    expect(kazakhLatin("[әа]з")).toBe("(?:[áäa]|a)z");
  });

  it("rejects a letter it has no spelling for, and a Cyrillic range", () => {
    expect(() => kazakhLatin("ў")).toThrow(/no Latin spelling for «ў»/);
    expect(() => kazakhLatin("[а-я]")).toThrow(/plain list/);
  });
});

const ots = (rule: string, text: string) => nameEvidence(rule, text, "kk");

describe("Kazakh Latin names of the organization", () => {
  it.each([
    // The founding name (2009), in the 2018 alphabet, its 2021 revision and ASCII typing.
    ["ots-former-name", "Túrki tildes memleketterdiń yntymaqtastyq keńesi", "quryldy."],
    ["ots-former-name", "Túrkitildes memleketter yntymaqtastyǵy keńesiniń", "hatshylyǵy."],
    ["ots-former-name", "Túrki tildes memleketterdiń yntymaqtastyq keńesine", "múshe boldy."],
    ["ots-former-name", "Túrki tildes elderdiń yntymaqtastyq keńesinde", "sóz sóıledi."],
    ["ots-former-name", "Túrki tildes memleketterdiń yntymaqtastyq keńesimen", "kelisim jasaldy."],
    ["ots-former-name", "Türkı tıldes memleketterdıñ yntymaqtastyq keñesınıñ", "(2021)."],
    ["ots-former-name", "Turki tildes memleketterdin yntymaktastyk kenesi", "(ASCII)."],
    ["ots-former-name", "TÚRKI TILDES MEMLEKETTERDIŃ YNTYMAQTASTYQ KEŃESI", "QURYLDY"],
    // The Turkic Council.
    ["ots-former-name", "Túrki keńesi", "quryldy."],
    ["ots-former-name", "Túrki keńesiniń", "sammıti."],
    ["ots-former-name", "Túrki Keńesine", "múshe boldy."],
    ["ots-former-name", "Túrki keńesinde", "sóıledi."],
    ["ots-former-name", "Túrki keńesinen", "keldi."],
    ["ots-former-name", "Türkı Keñesı", "(2021)."],
    ["ots-former-name", "Turki kenesinin", "(ASCII)."],
    // The current name, with memleketteri or the genitive memleketteriniń.
    ["ots-name", "Túrki memleketteriniń uıymy", "quryldy."],
    ["ots-name", "Túrki memleketteriniń uıymynyń", "sammıti."],
    ["ots-name", "Türkı memleketterınıñ ūiymyna", "(2021)."],
    ["ots-name", "Turki memleketterinin uiymynda", "(ASCII)."],
    ["ots-name", "Turki memleketterining uiymynda", "(ASCII ng)."],
    ["ots-name", "Túrki memleketteri basshylarynyń beıresmı sammıti", "ótti."],
    ["ots-secretary-general-name", "Qubanychbek Ómúralıev", "sóz sóıledi."],
  ])("%s: «%s» %s", (rule, name, rest) => {
    const { tags, names } = ots(rule, `${name} ${rest}`);
    expect(tags).toContain("ots");
    expect(names).toContain(name);
  });

  it.each([
    ["Burynǵy túrki keńes respýblıkalarynyń ekonomıkasy ósti."],
    ["Túrki keńesteri men keńesshileri jınaldy."],
    ["Túrki tildes memleketterdiń yntymaqtastyǵy keńeıip keledi."],
    ["Túrki tildes memleketterdiń ǵalymdary jastarǵa keńes berdi."],
    ["Túrki memleketteriniń uıymdastyrǵan kórmesi ashyldy."],
    ["Túrki memleketteriniń ǵalymdary Túrkııada jınaldy."],
    ["Parsy shyǵanaǵy arab memleketteriniń yntymaqtastyq keńesi jınaldy."],
    ["Shanhaı yntymaqtastyq uıymynyń sammıti Astanada ótti."],
    ["Túrki áleminiń mádenı astanasy Shýsha boldy."],
  ])("not the organization: %s", (text) => {
    expect(ots("ots-name", text).tags).not.toContain("ots");
  });

  it("reports TURKSOY and the Turkic Academy in Kazakh Latin as their own tags only", () => {
    const tagger = compileRules(DEFAULT_RULES);
    const tags = (text: string) => tagText(tagger, text, { lang: "kk" }).map((r) => r.tag);
    expect(tags("TÚRKSOI Astanada konsert ótkizdi.")).toEqual(["turksoy"]);
    expect(tags("Halyqaralyq Túrki akademııasy kitap shyǵardy.")).toEqual(["turkic-academy"]);
  });
});

describe("evidence for a Kazakh Latin name", () => {
  it("names the rule and the span of the whole name in the caller's text", () => {
    const tagger = compileRules(DEFAULT_RULES);
    const text = "Ózbekstan 2019 jyly Túrki keńesine tolyq múshe boldy.";
    const ots = tagText(tagger, text, { lang: "kk" }).find((r) => r.tag === "ots");
    expect(ots?.evidence).toEqual([{ rule: "ots-former-name", match: "Túrki keńesine", start: 20, end: 34 }]);
  });
});
