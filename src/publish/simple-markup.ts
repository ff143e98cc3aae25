import { stripInvalidXmlChars } from "../text/xml-chars.js";

/**
 * A shortcut through the feed sanitizer for markup revfeed writes itself: the diff renderer's output
 * (src/diff/render/html.ts) is escaped text inside a few tags whose only attributes are inline styles.
 * sanitize-html treats such a fragment tag by tag: it keeps text as is (re-escaping only & < >), and what
 * it makes of a tag depends on the tag alone, so each distinct tag is sanitized once and remembered.
 * Parsing whole diffs was most of the cost of publishing a changed article. Anything else, and any nesting
 * in which the HTML parser would close or move elements on its own, goes to the full sanitizer
 * (test/publish/sanitize-diff.test.ts compares both on rendered diffs and hostile input).
 */

/** Where each tag may appear: inline tags in text containers, table parts in their parents. */
const PARENTS: Record<string, readonly (string | null)[]> = {
  div: [null],
  p: [null, "div"],
  table: [null, "div"],
  tr: ["table"],
  td: ["tr"],
  th: ["tr"],
  strong: ["p", "td", "th", "ins", "del", "span"],
  ins: ["p", "td", "th", "strong"],
  del: ["p", "td", "th", "strong"],
  span: ["p", "td", "th", "strong"],
};

/** Only a few plain attributes: no URLs (the base URL never matters) and nothing to decode. */
const OPEN_TAG = /^<([a-z]+)((?: (?:style|colspan)="[^"<>&]*")*)>$/;
/** Sticky: tokens must cover the whole fragment, with nothing skipped between them. */
const TOKEN = /<[^<>]*>|[^<]+/y;
/** Escaped text: the renderer's five entities and nothing that could start markup. */
const TEXT = /^(?:[^<>&]|&(?:amp|lt|gt|quot|#39);)*$/;

/** Learns what the full sanitizer makes of one tag (an open tag followed by its closing tag). */
export type TagSanitizer = (openTag: string, name: string) => string;

const MAX_TAGS = 512;

export function simpleMarkupSanitizer(sanitizeTag: TagSanitizer): (html: string) => string | null {
  const known = new Map<string, string>();

  function openTag(tag: string, name: string): string {
    let clean = known.get(tag);
    if (clean === undefined) {
      clean = sanitizeTag(tag, name);
      if (known.size >= MAX_TAGS) known.clear();
      known.set(tag, clean);
    }
    return clean;
  }

  return (html) => {
    const open: string[] = [];
    const closers: string[] = [];
    let out = "";
    TOKEN.lastIndex = 0;
    while (TOKEN.lastIndex < html.length) {
      const token = TOKEN.exec(html)?.[0];
      if (token === undefined) return null;
      if (token[0] !== "<") {
        if (!TEXT.test(token)) return null;
        out += token.includes("&")
          ? token.replace(/&quot;|&#39;/g, (e) => (e === "&quot;" ? '"' : "'"))
          : token;
        continue;
      }
      if (token[1] === "/") {
        if (token !== `</${open.at(-1)}>`) return null;
        open.pop();
        out += closers.pop();
        continue;
      }
      const m = OPEN_TAG.exec(token);
      const name = m?.[1];
      if (!name || !PARENTS[name]?.includes(open.at(-1) ?? null)) return null;
      const clean = openTag(token, name);
      // What the sanitizer made of `<tag></tag>`: the open tag and its closer, or nothing (a dropped tag).
      const closer = clean.endsWith(`</${name}>`) ? `</${name}>` : "";
      if (clean !== "" && closer === "") return null;
      open.push(name);
      closers.push(closer);
      out += clean.slice(0, clean.length - closer.length);
    }
    return open.length === 0 ? stripInvalidXmlChars(out) : null;
  };
}
