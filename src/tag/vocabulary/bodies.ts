import type { TagRuleInput } from "../rule-schema.js";
import { kazakhBothScripts, kazakhLatin } from "./kazakh-latin.js";

/**
 * Kubanychbek Omuraliev, Secretary General since 2022, with Trend's typo "Куманычбек", Ukrainian
 * "Омуралієв" and Kazakh "Құбанычбек Өмүралиев" (both scripts: Qubanychbek Ómúralıev).
 */
export const SECRETARY_GENERAL_NAMES = [
  "ку[бм]аныч?бек\\s+[оө]мурал(?:ие|іє)в\\p{L}*",
  ...kazakhBothScripts("құбанычбек\\s+өмүралиев\\p{L}*"),
  "кубаничбек\\s+омуралиев\\p{L}*",
  "kubany?i?(?:ch|ç)bek\\s+[oö]m[uü]raliy?ev\\p{L}*",
  "kybany(?:ch|ç)bek\\s+ömüraliýew\\p{L}*",
];

/**
 * Bodies of the Turkic cooperation family, summits' documents and the Secretary General. They are
 * reported as tags of their own and also support an abbreviation of the organization.
 */
export const BODY_RULES: TagRuleInput[] = [
  {
    tag: "turkpa",
    abbreviations: ["TURKPA", "TÜRKPA", "ТюркПА", "ТЮРКПА"],
    names: [
      "парламентск\\p{L}*\\s+ассамбле\\p{L}*\\s+тюркоязычных\\s+стран",
      "parliamentary\\s+assembly\\s+of\\s+turkic[-\\s]speaking\\s+countries",
    ],
  },
  { tag: "turksoy", names: ["t[üu]rksoy\\p{L}*", "тюрксой\\p{L}*", ...kazakhBothScripts("түрксой\\p{L}*")] },
  {
    tag: "turkic-academy",
    names: [
      "тюркск\\p{L}*\\s+академи\\p{L}*",
      "тюркськ\\p{L}*\\s+академі\\p{L}*",
      "turkic\\s+academy",
      "türk\\s+akademi\\p{L}*",
      ...kazakhBothScripts("түркі\\s+академия\\p{L}*"),
      "түрк\\s+академия\\p{L}*",
      "turkiy\\s+akademiya\\p{L}*",
    ],
  },
  {
    tag: "turkic-heritage-foundation",
    names: [
      "фонд\\p{L}*\\s+тюркской\\s+культуры\\s+и\\s+наследия",
      "turkic\\s+culture\\s+and\\s+heritage\\s+foundation",
      "türk\\s+kültür\\s+ve\\s+miras\\s+vakf\\p{L}*",
      "türk\\s+mədəniyyəti\\s+və\\s+irsi\\s+fond\\p{L}*",
    ],
  },
  {
    tag: "turkic-investment-fund",
    names: [
      "тюркск\\p{L}*\\s+инвестиционн\\p{L}*\\s+фонд\\p{L}*",
      "turkic\\s+investment\\s+fund",
      "türk\\s+yatırım\\s+fon\\p{L}*",
      "türk\\s+investisiya\\s+fond\\p{L}*",
      ...kazakhBothScripts("түркі\\s+инвестициялық\\s+қор\\p{L}*"),
    ],
  },
  {
    tag: "gabala-declaration",
    names: [
      "габалинск\\p{L}*\\s+декларац\\p{L}*",
      "габала\\s+декларация\\p{L}*",
      "gabala\\s+declaration",
      "qəbələ\\s+bəyannamə\\p{L}*",
      "gebele\\s+(?:bildirge|deklarasyon)\\p{L}*",
    ],
  },
  {
    tag: "budapest-declaration",
    names: [
      "будапештск\\p{L}*\\s+декларац\\p{L}*",
      "budapest\\s+declaration",
      "budapeşt\\s+bəyannamə\\p{L}*",
      "budapeşte\\s+bildirge\\p{L}*",
      "budapesti\\s+nyilatkozat\\p{L}*",
    ],
  },
  {
    tag: "vision-2040",
    names: [
      "видени\\p{L}*\\s+(?:тюркского\\s+мира\\s*)?[-–—]?\\s*2040",
      "turkic\\s+world\\s+vision[-–—\\s]*2040",
      "türk\\s+dünyası\\s+2040\\s+vizyon\\p{L}*",
      "2040\\s+vizyon\\p{L}*",
    ],
  },
  {
    // Omuraliev is a common Kyrgyz surname: the full name alone, or the surname next to the title.
    tag: "ots-secretary-general",
    id: "ots-secretary-general",
    names: SECRETARY_GENERAL_NAMES,
  },
  {
    tag: "ots-secretary-general",
    id: "ots-secretary-general-title",
    caseSensitive: false,
    abbreviations: [
      "[оө]мурал(?:ие|іє)в\\p{L}*",
      "[oö]m[uü]raliy?ev\\p{L}*",
      "ömüraliýew\\p{L}*",
      kazakhLatin("өмүралиев\\p{L}*"),
    ],
    requires: {
      within: 80,
      patterns: [
        "генеральн\\p{L}*\\s+секретар\\p{L}*",
        "генсек\\p{L}*",
        "secretary[-\\s]general",
        "baş\\s+katib\\p{L}*",
        "genel\\s+sekreter\\p{L}*",
        ...kazakhBothScripts("бас\\s+хатшы\\p{L}*"),
        "башкы\\s+катчы\\p{L}*",
        "bosh\\s+kotib\\p{L}*",
        "бош\\s+котиб\\p{L}*",
      ],
    },
  },
];
