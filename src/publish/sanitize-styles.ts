import sanitizeHtml from "sanitize-html";

/**
 * Inline styles in diff markup, filtered as sanitize-html's own `allowedStyles` filter does, but once per
 * distinct value: sanitize-html parses every style attribute with postcss, which made sanitizing a diff
 * cost several times what a paragraph of the same length costs, while diff markup repeats the same two
 * or three style values. The filter is still sanitize-html's: a new value is put through it in a
 * one-element document and the result remembered.
 */

/** Inline styles that diff markup relies on (readers strip classes and `<style>`), nothing positional. */
export const DIFF_STYLES: sanitizeHtml.IOptions["allowedStyles"] = {
  "*": {
    color: [/^#[0-9a-f]{3,8}$/i, /^[a-z]+$/i],
    "background-color": [/^#[0-9a-f]{3,8}$/i, /^[a-z]+$/i],
    "text-decoration": [/^(?:line-through|underline|none)$/],
    "font-weight": [/^(?:bold|normal|[1-9]00)$/],
  },
};

/** The tags that may carry a style in diff markup. */
export const STYLED_TAGS = ["span", "ins", "del", "mark", "p"];

const memo = new Map<string, string>();
const MEMO_LIMIT = 1_000;

const escapeAttr = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
/** The inverse of sanitize-html's attribute escaping (`&`, `<`, `>`, `"`). */
const unescapeAttr = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&gt;/g, ">")
    .replace(/&lt;/g, "<")
    .replace(/&amp;/g, "&");

/** What sanitize-html with DIFF_STYLES keeps of `style="value"` on `tag`; "" drops the attribute. */
export function allowedStyle(tag: string, value: string): string {
  const key = `${tag}\u0000${value}`;
  let known = memo.get(key);
  if (known === undefined) {
    const probe = sanitizeHtml(`<${tag} style="${escapeAttr(value)}"></${tag}>`, {
      allowedTags: [tag],
      allowedAttributes: { [tag]: ["style"] },
      allowedStyles: DIFF_STYLES,
    });
    const kept = /^<[a-z0-9]+ style="([^"]*)">/.exec(probe)?.[1];
    known = kept === undefined ? "" : unescapeAttr(kept);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, known);
  }
  return known;
}

/** A transformTags entry: the style attribute replaced, in place, by what the filter keeps of it. */
export const filterStyle: sanitizeHtml.Transformer = (tagName, attribs) => {
  if (attribs.style === undefined) return { tagName, attribs };
  const style = allowedStyle(tagName, attribs.style);
  const out: sanitizeHtml.Attributes = {};
  for (const [name, value] of Object.entries(attribs)) {
    if (name !== "style") out[name] = value;
    else if (style !== "") out[name] = style;
  }
  return { tagName, attribs: out };
};
