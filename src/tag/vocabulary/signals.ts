import type { TagRuleInput } from "../rule-schema.js";

/** Words for "summit" (stems), shared with the derived `ots-summit` tag. */
export const SUMMIT_WORDS = [
  "саммит\\p{L}*",
  "саміт\\p{L}*",
  "summit\\p{L}*",
  "zirv[əe]\\p{L}*",
  "sammit\\p{L}*",
  "csúcs\\p{L}*",
];

/**
 * Supporting signals: member states, observers, summit words and "Turkic" words.
 * They are computed for every text but not reported (`signal: true`); an abbreviation such as
 * ОТГ or TDT counts only when one of them is present. Spellings cover en, ru, uk, az, tr, ky, kk and
 * uz (Latin and Cyrillic; Kazakh Latin as in Ázerbaıjan, Qyrǵyzstan, Túrkııa, Ózbekstan, Vengrııa,
 * Túrikmenstan, where ı folds to i), tk and hu; `'` stands for every apostrophe (the text is normalised).
 */

const country = (tag: string, names: string[]): TagRuleInput => ({ tag, signal: true, names });

export const SIGNAL_RULES: TagRuleInput[] = [
  country("member-az", [
    "азербайджан\\p{L}*",
    "[әа]з[іе]рбайжан\\p{L}*",
    "azerbaijan\\p{L}*",
    "az[əe]rbaycan\\p{L}*",
    "ozarbayjon\\p{L}*",
    "озарбайжон\\p{L}*",
    "azerbaýjan\\p{L}*",
    "azerbajdzsán\\p{L}*",
    "[áä]zerbaijan\\p{L}*",
  ]),
  country("member-kz", [
    "казахстан\\p{L}*",
    "казакстан\\p{L}*",
    "қазақстан\\p{L}*",
    "kazakhstan\\p{L}*",
    "qazaqstan\\p{L}*",
    "kazakistan\\p{L}*",
    "qazax[ıi]stan\\p{L}*",
    "qozog'iston\\p{L}*",
    "қозоғистон\\p{L}*",
    "gazagystan\\p{L}*",
    "kazahsztán\\p{L}*",
  ]),
  country("member-kg", [
    "кыргыз\\p{L}*",
    "киргизи\\p{L}*",
    "қырғыз\\p{L}*",
    "киргизстан\\p{L}*",
    "kyrgyz\\p{L}*",
    "q[ıi]rğ[ıi]z\\p{L}*",
    "k[ıi]rg[ıi]z\\p{L}*",
    "qirg'iz\\p{L}*",
    "қирғиз\\p{L}*",
    "gyrgyz\\p{L}*",
    "qyr[ǵğg]yz\\p{L}*",
  ]),
  country("member-tr", [
    "турци\\p{L}*",
    "туреччин\\p{L}*",
    "турция",
    "түркия\\p{L}*",
    "туркия\\p{L}*",
    "türkiye\\p{L}*",
    "türkiyə\\p{L}*",
    "turkiye\\p{L}*",
    "turkey",
    "turkiya\\p{L}*",
    "türkiýe\\p{L}*",
    "törökország\\p{L}*",
    "t[úüu]rkiia\\p{L}*",
  ]),
  country("member-uz", [
    "узбекистан\\p{L}*",
    "узбекістан\\p{L}*",
    "өзбекстан\\p{L}*",
    "ўзбекистон\\p{L}*",
    "uzbekistan\\p{L}*",
    "özb[əe]kistan\\p{L}*",
    "o'?zbekiston\\p{L}*",
    "özbegistan\\p{L}*",
    "üzbegisztán\\p{L}*",
    "[óöo]zbekstan\\p{L}*",
  ]),
  country("observer-hu", [
    "венгри\\p{L}*",
    "угорщин\\p{L}*",
    "мажарстан\\p{L}*",
    "венгрия\\p{L}*",
    "hungary",
    "macar[ıi]stan\\p{L}*",
    "vengriya\\p{L}*",
    "magyarország\\p{L}*",
    "vengriia\\p{L}*",
  ]),
  country("observer-tm", [
    "туркмени\\p{L}*",
    "туркменістан\\p{L}*",
    "түрікменстан\\p{L}*",
    "түркмөнстан\\p{L}*",
    "туркманистон\\p{L}*",
    "turkmenistan\\p{L}*",
    "türkm[əe]nistan\\p{L}*",
    "turkmaniston\\p{L}*",
    "t[úüu]r[iı]kmenstan\\p{L}*",
  ]),
  {
    tag: "observer-trnc",
    signal: true,
    names: [
      "северн\\p{L}*\\s+кипр\\p{L}*",
      "northern\\s+cyprus",
      "північн\\p{L}*\\s+кіпр\\p{L}*",
      "şimali\\s+kipr\\p{L}*",
      "kuzey\\s+kıbrıs\\p{L}*",
    ],
    abbreviations: ["ТРСК", "KKTC", "TRNC"],
  },
  country("summit-word", SUMMIT_WORDS),
  country("turkic-word", [
    "turkic",
    "тюркск\\p{L}*",
    "тюркськ\\p{L}*",
    "түркі",
    "түркі\\s+әлем\\p{L}*",
    "түрк\\s+дүйнө\\p{L}*",
    "türk\\s+dünya\\p{L}*",
    "turkiy\\s+dunyo\\p{L}*",
    "туркий\\s+дунё\\p{L}*",
  ]),
];
