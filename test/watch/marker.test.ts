import { describe, expect, it } from "vitest";
import { DEFAULT_MARKERS } from "../../src/config/default-markers.js";
import { detectMarker, foldMarkerText } from "../../src/watch/marker.js";

const BODY = [
  "БАКУ/Trend/ - В Баку проходит второе заседание министров промышленности, науки, технологий и инноваций Организации тюркских государств (ОТГ).",
  "Как сообщает в пятницу Trend, в мероприятии принимают участие министры.",
];
const detect = (tail: string[], lastBlocks?: number) =>
  detectMarker([...BODY, ...tail], DEFAULT_MARKERS, lastBlocks);

describe("detectMarker: the Trend RU marker and its variants (domain §6.2)", () => {
  it("finds the marker as the last block, with its index and configured phrase", () => {
    expect(detect(["Новость обновляется"])).toEqual({
      developing: true,
      index: 2,
      phrase: "Новость обновляется",
    });
  });

  it.each([
    ["upper case", "НОВОСТЬ ОБНОВЛЯЕТСЯ"],
    ["trailing dots", "Новость обновляется..."],
    ["trailing ellipsis", "Новость обновляется…"],
    ["exclamation", "Новость обновляется!"],
    ["NBSP", "Новость\u00A0обновляется"],
    ["brackets", "(Новость обновляется)"],
    ["square brackets and dot", "[Новость обновляется.]"],
    ["surrounding spaces and line break", "  Новость\nобновляется  "],
    ["guillemets", "«Новость дополняется»"],
    ["another RU phrase", "Новость будет дополнена"],
    ["(обновлено)", "(обновлено)"],
    ["ОБНОВЛЕНО", "ОБНОВЛЕНО"],
    ["soft hyphen inside", "Новость обнов\u00ADляется"],
  ])("detects %s", (_name, marker) => {
    expect(detect([marker]).developing).toBe(true);
  });

  it("tolerates one trailing non-marker block (a footer the extractor missed)", () => {
    const r = detect([
      "Новость обновляется",
      "Stay up-to-date with more news on Trend News Agency's WhatsApp channel",
    ]);
    expect(r).toMatchObject({ developing: true, index: 2 });
  });

  it("skips empty blocks when counting the last blocks", () => {
    expect(detect(["Новость обновляется", " ", "\u00A0", "Реклама"]).developing).toBe(true);
  });

  it("does not look further up than lastBlocks", () => {
    expect(detect(["Новость обновляется", "Реклама", "Читайте также"]).developing).toBe(false);
    expect(detect(["Новость обновляется", "Реклама", "Читайте также"], 3).developing).toBe(true);
    expect(detect(["Новость обновляется", "Реклама"], 1).developing).toBe(false);
  });
});

describe("detectMarker: never in running text (domain §6.3)", () => {
  it.each([
    [
      "mid-article",
      ["Информация уточняется", "Министр отметил рост торговли.", "Далее он подчеркнул важность."],
    ],
    ["inside a last sentence", ["Число пострадавших растет. Информация уточняется."]],
    ["inside a quote", ['"Информация уточняется, мы сообщим позже", - сказал представитель ведомства.']],
    ["as a prefix of a longer block", ["Новость обновляется: министр прибыл в Баку"]],
    ["no marker at all", ["Министр отметил рост торговли."]],
  ])("%s does not count", (_name, tail) => {
    expect(detect(tail)).toEqual({ developing: false, index: null, phrase: null });
  });

  it("an empty body is not developing", () => {
    expect(detectMarker([], DEFAULT_MARKERS)).toEqual({ developing: false, index: null, phrase: null });
  });
});

describe("detectMarker: every language of domain §2", () => {
  it.each([
    ["ru", "Подробности уточняются"],
    ["ru", "Следите за обновлениями"],
    ["az", "Xəbər yenilənir"],
    ["az upper with dotted İ", "XƏBƏR YENİLƏNİR"],
    ["az", "Məlumat dəqiqləşdirilir."],
    ["az", "Ətraflı məlumat veriləcək"],
    ["en", "The news is being updated"],
    ["en upper", "THIS IS A DEVELOPING STORY"],
    ["en", "More to follow..."],
    ["tr", "Haber güncelleniyor"],
    ["tr upper with dotless I", "HABER GÜNCELLENIYOR"],
    ["tr upper with dotted İ", "HABERİN DETAYLARI GELİYOR"],
    ["kk", "Жаңалық толықтырылуда"],
    ["kk", "Ақпарат нақтылануда"],
    ["uz ‘", "Yangilik to‘ldirilmoqda"],
    ["uz ʻ", "Yangilik toʻldirilmoqda"],
    ["uz '", "Yangilik to'ldirilmoqda"],
    ["uz `", "Yangilik to`ldirilmoqda"],
    ["uz ’", "Yangilik to’ldirilmoqda"],
    ["uz cyrillic", "Янгилик тўлдирилмоқда"],
    ["ky", "Жаңылык толукталууда"],
    ["ky", "Маалымат такталууда"],
  ])("%s: %s", (_lang, marker) => {
    expect(detect([marker]).developing).toBe(true);
  });

  it("uses the phrases it is given, not a built-in list", () => {
    expect(detectMarker(["Текст.", "Live updates"], { en: ["Live updates"] }).phrase).toBe("Live updates");
    expect(detectMarker(["Текст.", "Новость обновляется"], { en: ["Live updates"] }).developing).toBe(false);
  });
});

describe("foldMarkerText", () => {
  it("folds Turkish and Azerbaijani capitals and strips wrappers", () => {
    expect(foldMarkerText("(XƏBƏR YENİLƏNİR…)")).toBe("xəbər yenilənir");
    expect(foldMarkerText("DETAILS TO FOLLOW.")).toBe("details to follow");
  });
});
