import type { TagRuleInput } from "../rule-schema.js";
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
  "summit\\s+of\\s+(?:the\\s+)?turkic\\s+states",
  "turkic\\s+states\\s+summit",
  "türk\\s+devletleri\\s+zirve\\p{L}*",
  "türk\\s+dövlətləri(?:nin)?\\s+sammit\\p{L}*",
];

/** Abbreviations, case-sensitive. Kyrgyz and Uzbek attach lower-case suffixes directly (ТМУнун). */
export const OTS_ABBREVIATIONS = [
  "ОТГ\\+?",
  "OTS\\+?",
  "TDT",
  "ТДТ\\p{Ll}{0,5}",
  "ТМҰ",
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
  ],
};

export const OTS_RULES: TagRuleInput[] = [
  { tag: "ots", id: "ots-name", names: [...OTS_CURRENT_NAMES, ...OTS_SUMMIT_NAMES] },
  { tag: "ots", id: "ots-former-name", names: OTS_FORMER_NAMES },
  {
    tag: "ots",
    id: "ots-abbreviation",
    abbreviations: [...OTS_ABBREVIATIONS, ...OTS_FORMER_ABBREVIATIONS],
    requires: { tags: SUPPORT_TAGS },
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
