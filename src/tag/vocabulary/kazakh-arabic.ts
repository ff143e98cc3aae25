import { kazakhLatin, respell, type Script } from "./kazakh-latin.js";

/**
 * Kazakh in the Arabic script (töte jazu: the Arabic-script editions of Kazakh media and the Kazakh
 * press in China). As with `kazakhLatin`, names are written once in Cyrillic and each letter becomes
 * the set of its Arabic spellings.
 *
 * The hamza (ء, or the high hamza ٴ that Unicode and most keyboards use) marks a whole word as
 * front-vowel. It is written once, usually before the word's first letter, and the word's ә ө ү і
 * are then plain ا و ۇ ى; a word with ە, ك or گ needs no hamza at all (تۇركى is түркі). So the front
 * vowels accept their plain letters too, and an optional hamza may stand before any letter: finding
 * where words start inside a pattern would gain nothing, since a hamza is never a letter of its own.
 * The precomposed ٵ ٶ ٷ ٸ decompose (NFKC) to the plain letter followed by ٴ, so that order is
 * accepted as well.
 *
 * Arabic has no case, so folding leaves these letters alone; common substitutes that folding does not
 * unify are listed here: Persian ک and ی, Arabic ه for ە, غ for ع. Tatweel and ZWNJ are removed by
 * the normaliser (src/tag/normalize.ts), presentation forms are mapped to the letters (NFKC).
 */
const HAMZA = "[ءٴ]";

const ARABIC_SPELLINGS: Record<string, string> = {
  а: "ا",
  ә: "(?:ٵ|اٴ?)",
  б: "ب",
  в: "ۆ",
  г: "گ",
  ғ: "[عغ]",
  д: "د",
  е: "[ەه]",
  ё: "[يی]و",
  ж: "ج",
  з: "ز",
  и: "[يی]",
  й: "[يی]",
  к: "[كک]",
  қ: "ق",
  л: "ل",
  м: "م",
  н: "ن",
  ң: "ڭ",
  о: "و",
  ө: "(?:ٶ|وٴ?)",
  п: "پ",
  р: "ر",
  с: "س",
  т: "ت",
  у: "ۋ",
  ұ: "ۇ",
  ү: "(?:ٷ|ۇٴ?)",
  ф: "ف",
  х: "ح",
  һ: "ھ",
  ц: "(?:تس|س)",
  ч: "چ",
  ш: "ش",
  щ: "ش",
  // Not written.
  ъ: "(?:)",
  ь: "(?:)",
  ы: "[ىی]",
  // ٸ, its NFKC form يٴ, or the plain ى of a word marked front elsewhere.
  і: "(?:ٸ|يٴ|[ىی]ٴ?)",
  э: "[ەه]",
  ю: "[يی]ۋ",
  я: "[يی]ا",
};

/** Each letter as one atom with the optional hamza in front, so a quantifier applies to both. */
const WITH_HAMZA: Record<string, string> = Object.fromEntries(
  Object.entries(ARABIC_SPELLINGS).map(([cyrillic, arabic]) => [
    cyrillic,
    arabic === "(?:)" ? arabic : `(?:${HAMZA}?${arabic})`,
  ]),
);

const ARABIC: Script = { spellings: WITH_HAMZA, fn: "kazakhArabic", name: "Arabic-script" };

/** The Arabic-script pattern for a lower-case Cyrillic Kazakh pattern. */
export function kazakhArabic(src: string): string {
  return respell(src, ARABIC);
}

/** The Latin-script and Arabic-script twins of a Cyrillic pattern (without the pattern itself). */
export function kazakhOtherScripts(src: string): [string, string] {
  return [kazakhLatin(src), kazakhArabic(src)];
}

/** The Cyrillic pattern, its Latin-script twin and its Arabic-script twin. */
export function kazakhAllScripts(src: string): [string, string, string] {
  return [src, kazakhLatin(src), kazakhArabic(src)];
}
