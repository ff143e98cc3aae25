import type { TagRuleInput } from "../rule-schema.js";
import { SECRETARY_GENERAL_NAMES } from "./bodies.js";
import { kazakhAllScripts, kazakhOtherScripts } from "./kazakh-arabic.js";
import { kazakhBothScripts } from "./kazakh-latin.js";
import { SUMMIT_WORDS } from "./signals.js";

/**
 * The Organization of Turkic States itself (domain.md §3.1, §5). A current or former full name is
 * enough; an abbreviation counts only with a supporting signal (member state, observer,
 * summit, official, body, "Turkic" words) and when no guard (Ukrainian hromadas, military groups,
 * Indian one-time settlements …) stands near it. "UTC" and "OTC" are never abbreviations of it.
 */

/**
 * Uzbek "Turkic-speaking": "turkiy tilli", "turkiyzabon", or "speaking Turkic languages" (turkiy
 * tillarda so'zlashuvchi / so'zlashadigan, also "tilda"), where the o' of so'z keeps its apostrophe in
 * any form (normalised to ') or loses it, and Cyrillic ў may be typed as у.
 */
const UZ_TURKIC_SPEAKING = "turkiy(?:\\s*(?:tilli|zabon)|\\s+til(?:lar)?da\\s+so'?zlash(?:uvchi|adigan))";
const UZ_TURKIC_SPEAKING_CYRILLIC =
  "туркий(?:\\s*(?:тилли|забон)|\\s+тил(?:лар)?да\\s+с[ўу]злаш(?:увчи|адиган))";

export const OTS_CURRENT_NAMES = [
  // The Russian press also writes "тюркоязычных" / "тюркоговорящих" ("Turkic-speaking") states.
  "организаци(?:я|и|ю|ей|ею)\\s+тюрк(?:ских|оязычных|оговорящих)\\s+государств",
  "організаці\\p{L}*\\s+тюркських\\s+держав",
  "organi[sz]ation\\s+of\\s+(?:the\\s+)?turkic\\s+states",
  // The English compound order; "TSO" counts only as part of this name, never alone (in energy news it
  // is a transmission system operator), so it is not among the abbreviations.
  "turkic\\s+states'?\\s+organi[sz]ation(?:\\s*\\(tso\\))?",
  "türk\\s+dövlətləri\\s+təşkilat\\p{L}*",
  "türk\\s+devletleri\\s+teşkilat\\p{L}*",
  "түркі\\s+мемлекеттері\\s+ұйым\\p{L}*",
  // Also with the genitive "мемлекеттерінің ұйымы", and in both Latin alphabets and ASCII typing
  // (Túrki memleketteriniń uıymy, Türkı memleketterınıñ ūiymy, Turki memleketteri uiymy) and in the
  // Arabic script (تۇركى مەملەكەتتەرى ۇيىمى). ұйым only with the possessive -ы (ұйымының, ұйымына …), so
  // the plural ұйымдары and ұйымдастырған stay out.
  ...kazakhAllScripts("түркі\\s+мемлекеттер(?:і|інің)\\s+ұйымы\\p{L}*"),
  "түрк\\s+мамлекеттер(?:и\\p{L}*)?\\s+уюм\\p{L}*",
  // Kyrgyz, after the founding name: "Түрк тилдүү мамлекеттердин (кызматташтык) уюму". уюм only with
  // the possessive -у (уюмунун, уюмуна …), so the plural уюмдары ("organizations of …") stays out.
  "түрк\\s*тилдүү\\s+(?:мамлекеттер|өлкөлөр)\\p{L}*\\s+(?:кызматташ(?:уу|тык)\\s+)?уюму\\p{L}*",
  "turk(?:iy)?\\s+davlat(?:lar|lari)\\s+tashkilot\\p{L}*",
  "турк(?:ий)?\\s+давлат(?:лар|лари)\\s+ташкилот\\p{L}*",
  "türki?\\s+döwletler\\p{L}*\\s+guramas\\p{L}*",
  "türk\\s+államok\\s+szervezet\\p{L}*",
];

/**
 * The founding name, "Cooperation Council of Turkic Speaking States" (Nakhchivan Agreement, 2009), as
 * each language's grammar builds it: "Turkic-speaking" (one word or two), "states" or "countries"
 * (bare or genitive), "cooperation" (bare or possessive), then "council" in any case. Every slot is
 * required and adjacent, so "Turkic-speaking states" alone, cooperation *among* them, another
 * cooperation council (the Gulf's) or "council" as "advice" never match.
 */
export const NAKHCHIVAN_NAMES = [
  "(?:cooperation\\s+council|council\\s+(?:of|for)\\s+(?:the\\s+)?cooperation)\\s+of\\s+(?:the\\s+)?turkic[-\\s]?speaking\\s+(?:states|countries|nations)",
  "turkic[-\\s]?speaking\\s+(?:states|countries)'?\\s+cooperation\\s+council",
  "совет\\p{L}*\\s+(?:по\\s+)?сотрудничеств[ау]\\s+тюрк(?:оязычных|оговорящих|ских)\\s+(?:государств|стран)",
  "рад\\p{L}*\\s+(?:з\\s+)?(?:співробітництва|співпраці)\\s+тюрк(?:омовних|ських)\\s+(?:держав|країн)",
  "türk\\s*dilli\\s+(?:dövlət|ölkə)lər\\p{L}*\\s+əməkdaşl(?:ıq|ığı)\\s+şura\\p{L}*",
  // TDK spells "iş birliği" apart since 2012; the press also writes "Türkçe konuşan" and "devletler".
  "türk(?:\\s+dili\\s+konuşan|çe\\s+konuşan|\\s*dilli)\\s+(?:ülke|devlet)ler\\p{L}*\\s+iş\\s*birliği\\s+konsey\\p{L}*",
  // Kazakh: "…мемлекеттердің ынтымақтастық кеңесі" and "…мемлекеттер ынтымақтастығы кеңесі"; кеңес
  // only with the possessive -і (кеңесінің, кеңесіне …), so "кеңестер" (advice) stays out. Also in
  // the Latin and Arabic scripts (تۇركى تىلدەس مەملەكەتتەردىڭ ىنتىماقتاستىق كەڭەسى).
  ...kazakhAllScripts(
    "түркі\\s*тілд(?:ес|і)\\s+(?:мемлекеттер|елдер)\\p{L}*\\s+ынтымақтаст(?:ық|ығы)\\s+(?:жөніндегі\\s+)?кеңес(?:і\\p{L}*)?",
  ),
  // Kyrgyz: кеңеш only with the possessive -и (кеңешинин, кеңешине …), not кеңешме ("meeting").
  "түрк\\s*тилдүү\\s+(?:мамлекеттер|өлкөлөр)\\p{L}*\\s+кызматташ(?:уу|тык)\\p{L}*\\s+кеңеш(?:и\\p{L}*)?",
  // Uzbek, both scripts, each way of saying "Turkic-speaking" (above); ҳ is often typed as х.
  `${UZ_TURKIC_SPEAKING}\\s+(?:davlat|mamlakat)lar\\p{L}*\\s+hamkorli(?:k|gi)\\s+kengash(?:i\\p{L}*)?`,
  `${UZ_TURKIC_SPEAKING_CYRILLIC}\\s+(?:давлат|мамлакат)лар\\p{L}*\\s+[ҳх]амкорли(?:к|ги)\\s+кенгаш(?:и\\p{L}*)?`,
  "türki\\s*dilli\\s+döwletler\\p{L}*\\s+hyzmatdaşlyk\\s+geňeş\\p{L}*",
  "türk\\s+nyelvű\\s+(?:államok|országok)\\s+együttműködési\\s+tanács\\p{L}*",
];

export const OTS_FORMER_NAMES = [
  "тюркск(?:ий|ого|ому|им|ом)\\s+совет\\p{L}*",
  "тюркськ(?:а|ої|ій|ою)\\s+рад\\p{L}*",
  "turkic\\s+council",
  "türk\\s+şura\\p{L}*",
  "türk\\s+(?:konsey|keneş)\\p{L}*",
  "түркі\\s+кеңес\\p{L}*",
  // In Latin and Arabic script only with the possessive -і (keńesi, كەڭەسى …): "túrki keńes
  // respýblıkalary" are the Turkic Soviet republics.
  ...kazakhOtherScripts("түркі\\s+кеңесі\\p{L}*"),
  "түрк\\s+кеңеш\\p{L}*",
  "turkiy\\s+kengash\\p{L}*",
  "туркий\\s+кенгаш\\p{L}*",
  "türki\\s+geňeş\\p{L}*",
  "türk\\s+tanács\\p{L}*",
  ...NAKHCHIVAN_NAMES,
];

/** An optional ordinal before "summit": "VII sammiti", "9-sammiti", "9- саммити". */
const ORDINAL = "(?:(?:[ivxl]+|\\d+)(?:-\\s*|\\s+))?";

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
  ...kazakhAllScripts("түркі\\s+мемлекеттері\\s+(?:басшыларының\\s+)?(?:бейресми\\s+)?саммит\\p{L}*"),
  "түрк\\s+мамлекеттер\\p{L}*\\s+(?:башчыларынын\\s+)?(?:расмий\\s+эмес\\s+)?саммит\\p{L}*",
  "turkiy\\s+davlatlar\\s+(?:rahbarlari(?:ning)?\\s+)?(?:norasmiy\\s+)?sammit\\p{L}*",
  // Summits of the heads of Turkic-speaking states (since 1992; the Council's own from 2009), often
  // with an ordinal: "Turkiy tillarda so'zlashuvchi davlatlar rahbarlarining VII sammiti", "9-sammiti".
  `${UZ_TURKIC_SPEAKING}\\s+davlatlar(?:ning)?\\s+(?:(?:davlat\\s+)?rahbarlari(?:ning)?\\s+)?${ORDINAL}(?:norasmiy\\s+)?sammit\\p{L}*`,
  `${UZ_TURKIC_SPEAKING_CYRILLIC}\\s+давлатлар(?:нинг)?\\s+(?:(?:давлат\\s+)?ра[ҳх]барлари(?:нинг)?\\s+)?${ORDINAL}(?:норасмий\\s+)?саммит\\p{L}*`,
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

/**
 * Initials of the founding name: ru ССТГ, en CCTS, kk ТМЫК, uz ТТДҲК (ҲХ typed as Х) / TTDHK, ky ТМКК;
 * suffixes attach as for the current abbreviations (ТТДҲКга, ТМЫК-ның). Uzbek also abbreviates the
 * states of "Turkiy tillarda so'zlashuvchi davlatlar" alone: TTSD / ТТСД ("TTSD Hamkorlik kengashi",
 * "TTSD sammiti").
 */
export const OTS_FORMER_ABBREVIATIONS = [
  "ССТГ",
  "CCTS",
  "ТМЫК\\p{Ll}{0,5}",
  "ТТД[ҲХ]К\\p{Ll}{0,5}",
  "TTDHK\\p{Ll}{0,5}",
  "ТМКК\\p{Ll}{0,5}",
  "TTSD\\p{Ll}{0,5}",
  "ТТСД\\p{Ll}{0,5}",
];

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
  "котибият\\p{L}*",
  "катчылы\\p{L}*",
  "sekretarya\\p{L}*",
  "katiblik\\p{L}*",
  // "TTSD Hamkorlik kengashi": the council the initials stand for.
  "hamkorlik\\s+kengash\\p{L}*",
  "[ҳх]амкорлик\\s+кенгаш\\p{L}*",
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
  "давлатлар\\p{L}*",
  "мамлекеттер\\p{L}*",
  "мемлекеттер\\p{L}*",
  "мүше\\p{L}*",
  "мүчө\\p{L}*",
  "a'zo\\p{L}*",
  "аъзо\\p{L}*",
  "observer\\p{L}*",
  "наблюдател\\p{L}*",
  "спостерігач\\p{L}*",
  "gözlemci\\p{L}*",
  "müşahidəçi\\p{L}*",
  "байқаушы\\p{L}*",
  "kuzatuvchi\\p{L}*",
  "кузатувчи\\p{L}*",
  "байкоочу\\p{L}*",
  "secretary[-\\s]general",
  "генсек\\p{L}*",
  "генеральн\\p{L}*\\s+секретар\\p{L}*",
  "genel\\s+sekreter\\p{L}*",
  "baş\\s+katib\\p{L}*",
  "бас\\s+хатшы\\p{L}*",
  "bosh\\s+kotib\\p{L}*",
  "бош\\s+котиб\\p{L}*",
  "башкы\\s+катчы\\p{L}*",
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
  ...kazakhBothScripts("түркі\\s+әлемі(?:нің)?\\s+көшбасшылар\\p{L}*"),
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
