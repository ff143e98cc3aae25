import { escapeLength } from "../pattern.js";

/**
 * Kazakh names are written once, in Cyrillic; `kazakhLatin` derives the pattern that finds the same
 * words in the Latin script. Kazakh news uses three Latin spellings side by side: the alphabet of 2018
 * (Túrki keńesi, uıymy, ǵ, ý, sh/ch digraphs), its 2021 revision (Türkı keñesı, ūiymy, ğ, ş, ç) and
 * plain ASCII typing (Turki kenesi). Rather than list spellings, each Cyrillic letter becomes the set
 * of its Latin spellings, which amounts to folding the Kazakh-specific letters of both alphabets to
 * one form, but only where a Kazakh rule looks (folding á, ó, ü … for every text would merge
 * Hungarian, Turkish and Turkmen words). The text is already folded as usual: lower case, and ı, I, İ
 * all as i, so і (2018 i, 2021 ı) and и/й (2018 ı, 2021 i) need no class of their own.
 *
 * Letters not in the table (Russian-only letters aside from those below, or a typo) are an error, so a
 * new Kazakh name cannot silently produce a pattern that misses.
 */
const LATIN_SPELLINGS: Record<string, string> = {
  а: "a",
  ә: "[áäa]",
  б: "b",
  в: "v",
  г: "g",
  ғ: "(?:[ǵğg]|gh)",
  д: "d",
  е: "e",
  ё: "(?:io|yo)",
  ж: "(?:j|zh)",
  з: "z",
  и: "i",
  й: "[iy]",
  к: "k",
  қ: "[qk]",
  л: "l",
  м: "m",
  н: "n",
  ң: "(?:[ńñ]|ng?)",
  о: "o",
  ө: "[óöo]",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  // 2018: у is ý and ұ is u; 2021: у is u and ұ is ū; ü/ú is ү in both.
  у: "[ýuw]",
  ұ: "[uū]",
  ү: "[úüu]",
  ф: "f",
  х: "(?:h|kh)",
  һ: "h",
  ц: "(?:ts|s|c)",
  ч: "(?:ch|ç)",
  ш: "(?:sh|ş)",
  щ: "(?:shch|sh|ş)",
  // Both Latin alphabets drop the hard and soft signs.
  ъ: "(?:)",
  ь: "(?:)",
  ы: "y",
  і: "i",
  э: "e",
  // 2018 ıa / ıý (folded ia, iý), 2021 ia / iu, ASCII ya / yu.
  ю: "(?:iý|iu|yu)",
  я: "(?:ia|ya)",
};

const CYRILLIC = /\p{sc=Cyrillic}/u;

/** A spelling table and the names its errors use ("kazakhLatin", "Latin"). */
export interface Script {
  spellings: Record<string, string>;
  fn: string;
  name: string;
}

function spell(ch: string, src: string, script: Script): string {
  const spelt = script.spellings[ch];
  if (spelt !== undefined) return spelt;
  if (CYRILLIC.test(ch)) throw new Error(`${script.fn}: no ${script.name} spelling for «${ch}» in /${src}/`);
  return ch;
}

/** A character class with Cyrillic members becomes a group of their spellings: [ие] -> (?:i|e). */
function spellClass(body: string, src: string, script: Script): string {
  if (!Array.from(body).some((ch) => CYRILLIC.test(ch))) return `[${body}]`;
  if (body.startsWith("^") || /[\\-]/.test(body)) {
    throw new Error(`${script.fn}: a class with Cyrillic letters must be a plain list in /${src}/`);
  }
  return `(?:${Array.from(body, (ch) => spell(ch, src, script)).join("|")})`;
}

/**
 * Respells a lower-case Cyrillic Kazakh pattern letter by letter. Escapes (\s, \p{L} …), groups
 * and quantifiers are kept; each letter becomes an atom, so a quantifier after it still applies to it.
 */
export function respell(src: string, script: Script): string {
  let out = "";
  let i = 0;
  while (i < src.length) {
    const ch = src[i] ?? "";
    if (ch === "\\") {
      const n = escapeLength(src, i);
      out += src.slice(i, i + n);
      i += n;
    } else if (ch === "[") {
      const close = src.indexOf("]", i + 1);
      if (close === -1) throw new Error(`${script.fn}: unclosed class in /${src}/`);
      out += spellClass(src.slice(i + 1, close), src, script);
      i = close + 1;
    } else {
      out += spell(ch, src, script);
      i += 1;
    }
  }
  return out;
}

const LATIN: Script = { spellings: LATIN_SPELLINGS, fn: "kazakhLatin", name: "Latin" };

/** The Latin-script pattern for a lower-case Cyrillic Kazakh pattern. */
export function kazakhLatin(src: string): string {
  return respell(src, LATIN);
}

/** The Cyrillic pattern and its Latin-script twin. */
export function kazakhBothScripts(src: string): [string, string] {
  return [src, kazakhLatin(src)];
}
