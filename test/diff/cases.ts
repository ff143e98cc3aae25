/**
 * Revision pairs in Russian, Azerbaijani, Turkish, Kazakh and English, each with the labels a reader would
 * give it. Each factory call builds fresh objects, so tests cannot share mutable fixtures.
 */
import type { DiffInput, DiffOptions } from "../../src/diff/index.js";
import type { ChangeLabel } from "../../src/model.js";

export interface DiffCase {
  name: string;
  old: DiffInput;
  new: DiffInput;
  opts?: DiffOptions;
  labels: ChangeLabel[];
  minor?: boolean;
  appendOnly?: boolean;
}

const RU_TITLE = "В Баку проходит заседание министров промышленности ОТГ";
const RU = [
  "БАКУ/Trend/ - В Баку 24 октября проходит второе заседание министров промышленности Организации тюркских государств (ОТГ).",
  "В мероприятии принимает участие генеральный секретарь ОТГ Куманычбек Омуралиев.",
  "Министр отметил, что рост товарооборота со странами ОТГ составил 4,5% за девять месяцев.",
  "Азербайджан установил со всеми государствами - членами ОТГ отношения стратегического партнёрства.",
  "Далее министр подчеркнул, что многосторонние отношения развиваются по восходящей линии.",
];
const ru = (paragraphs = RU, title = RU_TITLE, developing = false): DiffInput => ({
  title,
  paragraphs,
  developing,
});
const replace = (list: readonly string[], i: number, text: string) =>
  list.map((p, k) => (k === i ? text : p));

const AZ_TITLE = "Bakıda TDT sənaye nazirlərinin iclası keçirilir";
const AZ = [
  "Bakı. Trend: Bakıda Türk Dövlətləri Təşkilatının sənaye nazirlərinin ikinci iclası keçirilir.",
  "Tədbirdə Azərbaycanın iqtisadiyyat naziri Mikayıl Cabbarov çıxış edib.",
  "Xəbər yenilənir",
];

const TR_TITLE = "TÜRK DEVLETLERİ TEŞKİLATI BAKANLARI BAKÜ'DE TOPLANDI";
const TR = [
  "Türk Devletleri Teşkilatı'nın sanayi bakanları Bakü'de bir araya geldi.",
  "Toplantıya Türkiye'den Sanayi ve Teknoloji Bakanı Mehmet Fatih Kacır katıldı.",
];

const KK_TITLE = "Бакуде ТМҰ министрлерінің отырысы өтті";
const KK = [
  "Бакуде Түркі мемлекеттері ұйымының өнеркәсіп министрлерінің екінші отырысы өтті.",
  "Отырысқа Қазақстан үкіметінің өкілдері қатысты.",
  "Ұйымның бас хатшысы өңірлік ынтымақтастықтың маңызын атап өтті.",
];

const EN_TITLE = "OTS industry ministers meet in Baku";
const EN = [
  "BAKU, Azerbaijan, October 24. The second meeting of OTS industry ministers is under way in Baku, Trend reports.",
  "Ministers from Azerbaijan, Kazakhstan, Kyrgyzstan, Türkiye and Uzbekistan attend the meeting 👍.",
  "The ministers discussed digital technologies and innovation in industrial strategies.",
  "Organization of Turkic States was founded in 2009 in Nakhchivan.",
];

export function diffCases(): DiffCase[] {
  return [
    {
      name: "ru-correction-name",
      old: ru(),
      new: ru(replace(RU, 1, (RU[1] as string).replace("Куманычбек", "Кубанычбек"))),
      labels: ["correction"],
    },
    {
      name: "ru-correction-number",
      old: ru(),
      new: ru(replace(RU, 2, (RU[2] as string).replace("4,5%", "5%"))),
      labels: ["correction"],
    },
    {
      name: "ru-typography",
      old: ru(),
      new: ru(
        replace(
          RU,
          3,
          "Азербайджан установил со всеми государствами – членами «ОТГ» отношения стратегического партнерства.",
        ),
      ),
      labels: ["typography"],
      minor: true,
    },
    { name: "ru-headline", old: ru(), new: ru(RU, `${RU_TITLE} (ФОТО)`), labels: ["headline"] },
    {
      name: "ru-lead-date",
      old: ru(),
      new: ru(replace(RU, 0, (RU[0] as string).replace("24 октября", "25 октября"))),
      labels: ["lead", "correction"],
    },
    {
      name: "ru-appended-developing",
      old: ru([...RU.slice(0, 3), "Новость обновляется"], RU_TITLE, true),
      new: ru([...RU, "Новость обновляется"], RU_TITLE, true),
      labels: ["appended"],
      appendOnly: true,
    },
    {
      name: "ru-inserted-paragraph",
      old: ru(),
      new: ru([...RU.slice(0, 2), "Заседание проходит под председательством Азербайджана.", ...RU.slice(2)]),
      labels: ["inserted"],
    },
    {
      name: "ru-removed-paragraph",
      old: ru(),
      new: ru(RU.filter((_, i) => i !== 3)),
      labels: ["removed-text"],
    },
    {
      name: "ru-moved-paragraph",
      old: ru(),
      new: ru([RU[0], RU[4], RU[1], RU[2], RU[3]] as string[]),
      labels: [],
    },
    {
      name: "ru-moved-and-inserted",
      old: ru(),
      new: ru([
        RU[0],
        RU[3],
        RU[1],
        RU[2],
        "Следующее заседание пройдет в Астане в 2026 году.",
        RU[4],
      ] as string[]),
      labels: ["inserted"],
    },
    {
      name: "ru-marker-removed",
      old: ru([...RU, "Новость обновляется"], RU_TITLE, true),
      new: ru(RU),
      labels: ["marker-removed"],
    },
    {
      name: "ru-revert",
      old: ru(replace(RU, 1, "В мероприятии принимает участие генеральный секретарь ОТГ.")),
      new: ru(),
      opts: { revertOf: 1 },
      labels: ["revert", "correction"],
    },
    {
      name: "ru-rewritten-sentence",
      old: ru(),
      new: ru(
        replace(
          RU,
          4,
          "Далее министр подчеркнул, что многосторонние отношения в рамках ОТГ вносят значительный вклад в экономики наших стран и развиваются.",
        ),
      ),
      labels: ["inserted", "removed-text"],
    },
    {
      name: "az-correction-and-append",
      old: { title: AZ_TITLE, paragraphs: AZ, developing: true },
      new: {
        title: AZ_TITLE,
        paragraphs: [
          (AZ[0] as string).replace("ikinci", "üçüncü"),
          AZ[1] as string,
          "Nazir bildirib ki, TDT ölkələri ilə ticarət dövriyyəsi 12 faiz artıb.",
          "Xəbər yenilənir",
        ],
        developing: true,
      },
      labels: ["lead", "appended", "correction"],
    },
    {
      name: "az-marker-removed-and-schwa",
      old: { title: AZ_TITLE, paragraphs: AZ, developing: true },
      new: { title: AZ_TITLE.replace("sənaye", "senaye"), paragraphs: AZ.slice(0, 2), developing: false },
      labels: ["headline", "marker-removed"],
    },
    {
      name: "tr-case-typography",
      old: { title: TR_TITLE, paragraphs: TR },
      new: { title: "Türk Devletleri Teşkilatı bakanları Bakü’de toplandı", paragraphs: TR },
      labels: ["headline", "typography"],
      minor: true,
    },
    {
      name: "tr-dotless-i-correction",
      old: { title: "T", paragraphs: TR },
      new: { title: "T", paragraphs: replace(TR, 1, (TR[1] as string).replace("Kacır", "Kacir")) },
      labels: ["correction"],
    },
    {
      name: "kk-inserted-and-removed",
      old: { title: KK_TITLE, paragraphs: KK },
      new: {
        title: KK_TITLE,
        paragraphs: [
          KK[0] as string,
          "Отырысқа Қазақстан, Қырғызстан және Өзбекстан үкіметтерінің өкілдері мен сарапшылар қатысты.",
        ],
      },
      labels: ["inserted", "removed-text", "correction"],
    },
    {
      name: "en-emoji-and-combining",
      old: { title: EN_TITLE, paragraphs: EN },
      new: {
        title: EN_TITLE,
        paragraphs: replace(
          replace(EN, 1, (EN[1] as string).replace("👍", "👍🏽").replace("Türkiye", "Tu\u0308rkiye")),
          2,
          "The ministers discussed digital technologies 👩‍💻 and innovation in industrial strategies.",
        ),
      },
      labels: ["correction", "typography"],
    },
    {
      name: "en-lead-rewrite-and-removed",
      old: { title: EN_TITLE, paragraphs: EN },
      new: {
        title: "OTS ministers agree on industrial cooperation roadmap",
        paragraphs: [
          "BAKU, Azerbaijan, October 24. OTS industry ministers adopted a joint roadmap for industrial cooperation at their meeting in Baku.",
          ...EN.slice(1, 3),
        ],
      },
      labels: ["headline", "lead", "inserted", "removed-text"],
    },
  ];
}
