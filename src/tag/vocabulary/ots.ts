import type { TagRuleInput } from "../rule-schema.js";
import { SECRETARY_GENERAL_NAMES } from "./bodies.js";
import { SUMMIT_WORDS } from "./signals.js";

/**
 * The Organization of Turkic States itself (domain.md §3.1, §5). A current or former full name is
 * enough; an abbreviation counts only with a supporting signal (member state, observer,
 * summit, official, body, "Turkic" words) and when no guard (Ukrainian hromadas, military groups,
 * Indian one-time settlements …) stands near it. "UTC" and "OTC" are never abbreviations of it.
 */

export const OTS_CURRENT_NAMES = [
  "организаци(?:я|и|ю|ей|ею)\\s+тюркских\\s+государств",
  "організаці\\p{L}*\\s+тюркських\\s+держав",
  "organi[sz]ation\\s+of\\s+(?:the\\s+)?turkic\\s+states",
  "türk\\s+dövlətləri\\s+təşkilat\\p{L}*",
  "türk\\s+devletleri\\s+teşkilat\\p{L}*",
  "түркі\\s+мемлекеттері\\s+ұйым\\p{L}*",
  "түрк\\s+мамлекеттер(?:и\\p{L}*)?\\s+уюм\\p{L}*",
  "turk(?:iy)?\\s+davlat(?:lar|lari)\\s+tashkilot\\p{L}*",
  "турк(?:ий)?\\s+давлат(?:лар|лари)\\s+ташкилот\\p{L}*",
  "türki?\\s+döwletler\\p{L}*\\s+guramas\\p{L}*",
  "türk\\s+államok\\s+szervezet\\p{L}*",
];

export const OTS_FORMER_NAMES = [
  "тюркск(?:ий|ого|ому|им|ом)\\s+совет\\p{L}*",
  "совет\\p{L}*\\s+сотрудничества\\s+тюркоязычных\\s+государств",
  "тюркськ(?:а|ої|ій|ою)\\s+рад\\p{L}*",
  "turkic\\s+council",
  "cooperation\\s+council\\s+of\\s+(?:the\\s+)?turkic[-\\s]speaking\\s+states",
  "türk\\s+şura\\p{L}*",
  "türkdilli\\s+dövlətlərin\\s+əməkdaşlıq\\s+şura\\p{L}*",
  "türk\\s+(?:konsey|keneş)\\p{L}*",
  "türk\\s+dili\\s+konuşan\\s+ülkeler\\s+işbirliği\\s+konsey\\p{L}*",
  "түркі\\s+кеңес\\p{L}*",
  "түркітілдес\\s+мемлекеттердің\\s+ынтымақтастық\\s+кеңес\\p{L}*",
  "түрк\\s+кеңеш\\p{L}*",
  "turkiy\\s+kengash\\p{L}*",
  "туркий\\s+кенгаш\\p{L}*",
  "türki\\s+geňeş\\p{L}*",
  "türk\\s+tanács\\p{L}*",
];

/** "Summit of the Turkic states": no other body holds one, so the phrase names the organization. */
export const OTS_SUMMIT_NAMES = [
  "саммит\\p{L}*\\s+(?:глав\\s+)?тюркских\\s+государств",
  "саміт\\p{L}*\\s+(?:глав\\s+|лідерів\\s+)?тюркських\\s+держав",
  "тюркск\\p{L}*\\s+саммит\\p{L}*",
  "тюркськ\\p{L}*\\s+саміт\\p{L}*",
  "summit\\s+of\\s+(?:the\\s+)?turkic\\s+states",
  "turkic\\s+(?:states\\s+)?summit",
  "türk\\s+devletleri\\s+(?:liderleri\\s+)?(?:gayri\\s*resmi\\s+)?zirve\\p{L}*",
  "türk\\s+dövlətləri(?:nin)?\\s+(?:başçılarının\\s+)?(?:qeyri-rəsmi\\s+)?(?:sammit|zirvə)\\p{L}*",
  "түркі\\s+мемлекеттері\\s+(?:басшыларының\\s+)?(?:бейресми\\s+)?саммит\\p{L}*",
  "түрк\\s+мамлекеттер\\p{L}*\\s+(?:башчыларынын\\s+)?(?:расмий\\s+эмес\\s+)?саммит\\p{L}*",
  "turkiy\\s+davlatlar\\s+(?:rahbarlari(?:ning)?\\s+)?(?:norasmiy\\s+)?sammit\\p{L}*",
  // The 12th summit is known by its venue; no other body held a Gabala summit.
  "qəbələ\\s+zirvə\\p{L}*",
  "gebele\\s+zirve\\p{L}*",
  "габалинск\\p{L}*\\s+саммит\\p{L}*",
  "gabala\\s+summit",
];

/** Documents that only the organization adopts. */
export const OTS_DOCUMENT_NAMES = [
  "габалинск\\p{L}*\\s+декларац\\p{L}*",
  "gabala\\s+declaration",
  "qəbələ\\s+bəyannamə\\p{L}*",
  "gebele\\s+(?:bildirge|deklarasyon)\\p{L}*",
  "turkic\\s+world\\s+vision[-–—\\s]*2040",
];

/** Abbreviations, case-sensitive. Kyrgyz and Uzbek attach lower-case suffixes directly (ТМУнун). */
export const OTS_ABBREVIATIONS = [
  "ОТГ\\+?",
  "OTS\\+?",
  "TDT\\p{Ll}{0,5}",
  "ТДТ\\p{Ll}{0,5}",
  "ТМҰ\\p{Ll}{0,5}",
  "ТМУ\\p{Ll}{0,5}",
  "TÁSZ",
  "TDG",
  "ОТД",
];

export const OTS_FORMER_ABBREVIATIONS = ["ССТГ", "CCTS"];

const SUPPORT_TAGS = [
  "member-az",
  "member-kz",
  "member-kg",
  "member-tr",
  "member-uz",
  "observer-hu",
  "observer-tm",
  "observer-trnc",

  "summit-word",
  "turkic-word",
  "turkpa",
  "turksoy",
  "turkic-academy",
  "turkic-heritage-foundation",
  "turkic-investment-fund",
  "gabala-declaration",
  "budapest-declaration",
  "vision-2040",
  "ots-secretary-general",
];

/**
 * Words that, right next to an abbreviation, show it names an organization of states: its secretariat,
 * member states, observers, chairmanship, Secretary General, ministers' meetings ("OTS Secretariat",
 * "ТМҰ елдерінің", "держави-члени ОТД", "спостерігача в ОТД").
 */
const ORGANIZATION_CONTEXT = [
  "secretariat\\p{L}*",
  "секретариат\\p{L}*",
  "секретаріат\\p{L}*",
  "хатшылы\\p{L}*",
  "kotibiyat\\p{L}*",
  "sekretarya\\p{L}*",
  "katiblik\\p{L}*",
  "member\\s+(?:states?|countries)",
  "государств\\p{L}*-член\\p{L}*",
  "стран\\p{L}*-член\\p{L}*",
  "держав\\p{L}*-член\\p{L}*",
  "країн\\p{L}*-член\\p{L}*",
  "стран\\p{L}*",
  "країн\\p{L}*",
  "елдер\\p{L}*",
  "өлкөлөр\\p{L}*",
  "ülkeler\\p{L}*",
  "ölkələr\\p{L}*",
  "davlatlar\\p{L}*",
  "observer\\p{L}*",
  "наблюдател\\p{L}*",
  "спостерігач\\p{L}*",
  "gözlemci\\p{L}*",
  "müşahidəçi\\p{L}*",
  "байқаушы\\p{L}*",
  "kuzatuvchi\\p{L}*",
  "secretary[-\\s]general",
  "генсек\\p{L}*",
  "генеральн\\p{L}*\\s+секретар\\p{L}*",
  "genel\\s+sekreter\\p{L}*",
  "baş\\s+katib\\p{L}*",
  "бас\\s+хатшы\\p{L}*",
  "bosh\\s+kotib\\p{L}*",
  "chairmanship",
  "председательств\\p{L}*",
  "головуванн\\p{L}*",
  "sədrlik\\p{L}*",
  "dönem\\s+başkanlığ\\p{L}*",
  "төрағалы\\p{L}*",
  "ministers?",
  "министр\\p{L}*",
  "міністр\\p{L}*",
  "nazirl\\p{L}*",
  "bakanlar\\p{L}*",
  "vazirlar\\p{L}*",
];

/** "Leaders of the Turkic world" at a summit: how some reports name the organization's meetings. */
const TURKIC_LEADERS = [
  "türk\\s+dünyas[ıi](?:nın)?\\s+liderler\\p{L}*",
  "türk\\s+dünyas[ıi](?:nın)?\\s+liderlər\\p{L}*",
  "лидер\\p{L}*\\s+тюркского\\s+мира",
  "leaders\\s+of\\s+the\\s+turkic\\s+world",
  "turkic\\s+world\\s+leaders",
  "түркі\\s+әлемі(?:нің)?\\s+көшбасшылар\\p{L}*",
];

/** Other meanings of the abbreviations; the window is wide because such stories repeat their topic. */
const GUARDS = {
  within: 150,
  wholeText: true,
  patterns: [
    "громад\\p{L}*",
    "hromad\\p{L}*",
    "терр?иторіальн\\p{L}*",
    "территориальн\\p{L}*",
    "самоврядуван\\p{L}*",
    "самоуправлени\\p{L}*",
    "децентраліз\\p{L}*",
    "децентрализ\\p{L}*",
    "оперативно-тактичн\\p{L}*",
    "оперативно-тактическ\\p{L}*",
    "угрупован\\p{L}*",
    "one[-\\s]time\\s+settlement\\p{L}*",
    "officers?\\s+training",
    "thrift\\s+supervision",
    "off[-\\s]the[-\\s]shelf",
    "televisi[oó]n\\p{L}*",
    "televisi\\p{L}*",
    "borrower\\p{L}*",
    "loan\\s+accounts?",
    "defaulter\\p{L}*",
  ],
};

export const OTS_RULES: TagRuleInput[] = [
  { tag: "ots", id: "ots-name", names: [...OTS_CURRENT_NAMES, ...OTS_SUMMIT_NAMES, ...OTS_DOCUMENT_NAMES] },
  // The Secretary General's full name is his alone (a lone surname is not: see bodies.ts).
  { tag: "ots", id: "ots-secretary-general-name", names: SECRETARY_GENERAL_NAMES },
  {
    tag: "ots",
    id: "ots-turkic-leaders-summit",
    caseSensitive: false,
    abbreviations: TURKIC_LEADERS,
    requires: { patterns: SUMMIT_WORDS, within: 120 },
  },
  { tag: "ots", id: "ots-former-name", names: OTS_FORMER_NAMES },
  {
    tag: "ots",
    id: "ots-abbreviation",
    abbreviations: [...OTS_ABBREVIATIONS, ...OTS_FORMER_ABBREVIATIONS],
    requires: { tags: SUPPORT_TAGS },
    guards: GUARDS,
  },
  {
    tag: "ots",
    id: "ots-abbreviation-context",
    abbreviations: [...OTS_ABBREVIATIONS, ...OTS_FORMER_ABBREVIATIONS],
    requires: { patterns: ORGANIZATION_CONTEXT, within: 30 },
    guards: GUARDS,
  },
  { tag: "ots-former", id: "ots-former", names: OTS_FORMER_NAMES },
  {
    tag: "ots-former",
    id: "ots-former-abbreviation",
    allOf: ["ots"],
    abbreviations: OTS_FORMER_ABBREVIATIONS,
  },
  {
    // FC Gabala and the Gabala radar never get this: it needs the organization itself.
    tag: "ots-summit",
    allOf: ["ots"],
    names: SUMMIT_WORDS,
  },
];
