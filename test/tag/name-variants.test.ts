import { describe, expect, it } from "vitest";
import { nameEvidence } from "./name-evidence.js";

/**
 * Other ways newspapers write the current name: the English compound order, Russian
 * "тюркоязычных/тюркоговорящих государств", the Kyrgyz "Түрк тилдүү мамлекеттердин (кызматташтык) уюму"
 * and Kazakh in the Latin alphabet, each in the case forms a newspaper uses. Each case gives the whole
 * name, so the test also checks that the match covers it.
 */
const ots = (text: string, lang?: string) => nameEvidence("ots-name", text, lang);

describe("current name in other word orders, words and scripts", () => {
  it.each([
    ["en", "Turkic States Organization", "met in Baku."],
    ["en", "Turkic States Organisation", "met in Baku."],
    ["en", "Turkic States Organization (TSO)", "met in Baku."],
    ["en", "TURKIC STATES ORGANIZATION", "met in Baku."],
    ["en", "Turkic States' Organization", "met in Baku."],
    ["en", "Organisation of the Turkic States", "met in Baku."],
    ["en", "Organization of the Turkic States", "met in Baku."],
    ["ru", "Организация тюркоязычных государств", "собралась в Баку."],
    ["ru", "Организации тюркоязычных государств", "исполнилось 15 лет."],
    ["ru", "Организацию тюркоязычных государств", "возглавил Азербайджан."],
    ["ru", "Организацией тюркоязычных государств", "подписан меморандум."],
    ["ru", "Организациею тюркоговорящих государств", "(устаревшее окончание)."],
    ["ru", "Организация тюркоговорящих государств", "собралась в Баку."],
    ["ru", "ОРГАНИЗАЦИИ ТЮРКОГОВОРЯЩИХ ГОСУДАРСТВ", "САММИТ"],
    ["ky", "Түрк тилдүү мамлекеттердин кызматташтык уюму", "түзүлдү."],
    ["ky", "Түрк тилдүү мамлекеттердин кызматташуу уюмунун", "саммити."],
    ["ky", "Түрк тилдүү мамлекеттердин уюмуна", "мүчө болду."],
    ["ky", "Түрк тилдүү өлкөлөрдүн кызматташтык уюмун", "колдойт."],
    ["ky", "Түрктилдүү мамлекеттердин кызматташуу уюмунда", "сүйлөдү."],
    ["ky", "Түрк тилдүү мамлекеттер уюмунан", "келди."],
    ["kk", "Túrki memleketteri uıymy", "quryldy."],
    ["kk", "Túrki memleketteri uıymynyń", "sammıti."],
    ["kk", "Túrki memleketteri uıymyna", "múshe boldy."],
    ["kk", "Túrki memleketteri uıymyn", "qoldaıdy."],
    ["kk", "Túrki memleketteri uıymynda", "sóıledi."],
    ["kk", "Túrki memleketteri uıymynan", "keldi."],
    ["kk", "Túrki memleketteri uıymymen", "kelisim jasaldy."],
    ["kk", "TÚRKI MEMLEKETTERI UIYMYNYŃ", "SAMMITI"],
    ["kk", "Turki memleketteri uiymy", "quryldy."],
    ["kk", "Turki memleketteri uiymynyn", "sammiti."],
    ["kk", "Türki memleketteri ūiymyna", "(2021 letters)."],
  ])("%s: «%s» %s", (lang, name, rest) => {
    const { tags, names } = ots(`${name} ${rest}`, lang);
    expect(tags).toContain("ots");
    expect(names).toContain(name);
  });

  it.each([
    ["en", "Azerbaijan's TSO and Kazakhstan's TSO signed a grid deal; Turkic states will trade power."],
    ["en", "TSO Azerenerji of Azerbaijan joined the Turkic energy ministers' meeting."],
    ["en", "Turkic states organizations of writers met in Baku with colleagues from Kazakhstan."],
    ["ru", "Молодёжные организации тюркоязычных народов провели форум в Казани."],
    ["ru", "Лидеры тюркоязычных государств обсудили создание новой организации."],
    ["ky", "Шанхай кызматташтык уюму түрк тилдүү мамлекеттердин өкүлдөрүн чакырды."],
    ["ky", "Түрк тилдүү мамлекеттердин уюмдары Кыргызстанда жолугушту."],
    ["ky", "Түрк тилдүү мамлекеттердин кызматташтыгы уюштурулду."],
    ["kk", "Túrki memleketteri uıymdastyrǵan festıvalge Qazaqstan qatysty."],
    ["kk", "Túrki memleketteriniń ǵalymdary Túrkııada jınaldy."],
    ["kk", "Turki memleketteri arasyndagy sauda osti."],
  ])("%s: not the organization: %s", (lang, text) => {
    expect(ots(text, lang).tags).not.toContain("ots");
  });
});

describe("Kazakh Latin member and observer names support an abbreviation", () => {
  it.each([
    ["Túrkııa"],
    ["Turkiia"],
    ["Ázerbaıjan"],
    ["Qazaqstan"],
    ["Qyrǵyzstan"],
    ["Ózbekstan"],
    ["Vengrııa"],
    ["Túrikmenstan"],
  ])("OTS with %s", (country) => {
    expect(ots("OTS kezdesýi ótti.", "kk").tags).not.toContain("ots");
    expect(ots(`OTS kezdesýi ${country} qatysýymen ótti.`, "kk").tags).toContain("ots");
  });
});
