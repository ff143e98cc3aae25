import { describe, expect, it } from "vitest";
import { nameEvidence } from "./name-evidence.js";

/**
 * The founding name, "Cooperation Council of Turkic Speaking States" (Nakhchivan Agreement, 2009), in
 * the case forms a newspaper uses. Each case gives the whole name, so the test also checks that the
 * match covers it (not only a shorter name inside it).
 */
const otsEvidence = (text: string, lang?: string) => nameEvidence("ots-former-name", text, lang);

describe("former long name (Nakhchivan Agreement) in running text", () => {
  it.each([
    ["kk", "Түркітілдес мемлекеттер ынтымақтастығы кеңесі", "құрылды."],
    ["kk", "Түркітілдес мемлекеттер ынтымақтастығы кеңесінің", "хатшылығы Ыстамбұлда."],
    ["kk", "Түркітілдес мемлекеттер ынтымақтастығы кеңесіне", "мүше болды."],
    ["kk", "Түркі тілдес мемлекеттердің ынтымақтастық кеңесінде", "сөз сөйледі."],
    ["kk", "түркітілдес мемлекеттердің ынтымақтастық кеңесімен", "келісім жасалды."],
    ["kk", "ТҮРКІТІЛДЕС МЕМЛЕКЕТТЕР ЫНТЫМАҚТАСТЫҒЫ КЕҢЕСІНІҢ", "САММИТІ"],
    ["uz", "Turkiy tilli davlatlar hamkorlik kengashi", "tuzildi."],
    ["uz", "Turkiy tilli davlatlar hamkorlik kengashining", "sammiti."],
    ["uz", "Turkiy tilli davlatlar hamkorlik kengashiga", "a’zo bo‘ldi."],
    ["uz", "Turkiyzabon davlatlar hamkorlik kengashida", "so‘zladi."],
    ["uz", "Туркий тилли давлатлар ҳамкорлик кенгаши", "тузилди."],
    ["uz", "Туркий тилли давлатлар ҳамкорлик кенгашининг", "саммити."],
    ["uz", "Туркийзабон давлатларнинг ҳамкорлик кенгашига", "аъзо бўлди."],
    ["uz", "Туркий тилли давлатлар хамкорлик кенгашига", "(ҳ typed as х)."],
    ["ky", "Түрк тилдүү мамлекеттердин кызматташуу кеңеши", "түзүлдү."],
    ["ky", "Түрк тилдүү мамлекеттердин кызматташуу кеңешинин", "саммити."],
    ["ky", "Түрк тилдүү өлкөлөрдүн кызматташуу кеңешине", "мүчө болду."],
    ["ky", "Түрктилдүү мамлекеттердин кызматташтык кеңешинде", "сүйлөдү."],
    ["en", "Council of Cooperation of Turkic Speaking States", "met."],
    ["en", "Cooperation Council of the Turkic-Speaking States", "met."],
    ["en", "Cooperation Council of Turkic-speaking Countries", "met."],
    ["ru", "Совет сотрудничества тюркоязычных государств", "учреждён."],
    ["ru", "Совета сотрудничества тюркоговорящих государств", "саммит."],
    ["ru", "Советом по сотрудничеству тюркоязычных стран", "подписан."],
    ["uk", "Ради співробітництва тюркомовних держав", "саміт."],
    ["tr", "Türk Dili Konuşan Ülkeler İşbirliği Konseyi", "kuruldu."],
    ["tr", "Türkçe Konuşan Ülkeler İş Birliği Konseyi", "'nin zirvesi."],
    ["tr", "Türk Dili Konuşan Devletler İşbirliği Konseyi", "'ne katıldı."],
    ["az", "Türkdilli Dövlətlərin Əməkdaşlıq Şurası", "yaradıldı."],
    ["az", "Türk dilli dövlətlərin əməkdaşlıq şurasının", "sammiti."],
    ["tk", "Türki dilli döwletleriň hyzmatdaşlyk geňeşi", "döredildi."],
    ["hu", "Türk Nyelvű Államok Együttműködési Tanácsa", "ülésezett."],
  ])("%s: «%s» %s", (lang, name, rest) => {
    const { tags, names } = otsEvidence(`${name} ${rest}`, lang);
    expect(tags).toContain("ots");
    expect(tags).toContain("ots-former");
    expect(names).toContain(name);
  });

  it.each([
    ["kk", "Түркітілдес мемлекеттердің ақындары жиналды."],
    ["kk", "Түркітілдес мемлекеттердің ынтымақтастығы туралы кеңес берді."],
    ["kk", "Түркітілдес мемлекеттер ынтымақтастығы кеңейіп келеді."],
    ["kk", "Парсы шығанағы араб мемлекеттерінің ынтымақтастық кеңесі жиналды."],
    ["uz", "Turkiy tilli davlatlar hamkorligi kengaymoqda."],
    ["uz", "Fors ko‘rfazi arab davlatlari hamkorlik kengashi yig‘ildi."],
    ["ky", "Түрк тилдүү мамлекеттердин кызматташуу кеңешмеси өттү."],
    ["ky", "Түрк тилдүү мамлекеттердин кызматташтыгы кеңейүүдө."],
    ["en", "Turkic-speaking states signed a deal on culture."],
    ["en", "The Cooperation Council for the Arab States of the Gulf met."],
    ["ru", "Совет сотрудничества арабских государств Персидского залива собрался."],
    ["tr", "Türk dili konuşan ülkeler arasında iş birliği artıyor."],
  ])("%s: no council, another council or a near miss: %s", (lang, text) => {
    expect(otsEvidence(text, lang).tags).not.toContain("ots");
  });
});

describe("former abbreviations need support like the current ones", () => {
  it.each([
    ["kk", "ТМЫК-ның отырысы өтті.", "ТМЫК-ның отырысы Әзірбайжанда өтті."],
    ["uz", "ТТДҲКга янги раис сайланди.", "ТТДҲКга аъзо давлатлар раҳбарлари учрашди."],
    ["uz", "TTDHK yig‘ilishi bo‘ldi.", "TTDHK yig‘ilishi O‘zbekistonda bo‘ldi."],
    ["ky", "ТМККнын жыйыны өттү.", "ТМККнын жыйыны Кыргызстанда өттү."],
  ])("%s: «%s» alone is not enough; «%s» is", (lang, alone, supported) => {
    expect(otsEvidence(alone, lang).tags).not.toContain("ots");
    expect(otsEvidence(supported, lang).tags).toEqual(["ots", "ots-former"]);
  });

  it("does not take ТМЫК inside a longer abbreviation", () => {
    expect(otsEvidence("АТМЫК Қазақстанда жұмыс істейді.", "kk").tags).not.toContain("ots");
  });
});
