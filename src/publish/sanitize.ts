import sanitizeHtml from "sanitize-html";
import { stripInvalidXmlChars } from "../text/xml-chars.js";
import { filterStyle, STYLED_TAGS } from "./sanitize-styles.js";
import { simpleMarkupSanitizer } from "./simple-markup.js";

/**
 * Allowlist sanitizer for everything that ends up as HTML inside a feed: article paragraphs and diffs.
 * No scripts, styles, event handlers, iframes, forms or objects; only http(s)/mailto links and http(s)
 * images, made absolute against the page they came from. Feed readers render this HTML, often with
 * weaker filters than a browser, so the allowlist is deliberately short.
 * (src/extract/sanitize.ts may later provide the shared `sanitizeFragment`; this stays the feed's last gate.)
 */

const TAGS = [
  "p",
  "br",
  "hr",
  "a",
  "strong",
  "b",
  "em",
  "i",
  "u",
  "s",
  "sub",
  "sup",
  "small",
  "mark",
  "abbr",
  "blockquote",
  "q",
  "cite",
  "ul",
  "ol",
  "li",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "figure",
  "figcaption",
  "img",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
  "caption",
  "pre",
  "code",
  "span",
  "ins",
  "del",
  "time",
];

function absoluteUrl(value: string | undefined, baseUrl: string, schemes: readonly string[]): string | null {
  if (value === undefined) return null;
  try {
    const url = new URL(value.trim(), baseUrl);
    return schemes.includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

function withUrl(attr: string, schemes: readonly string[], baseUrl: string): sanitizeHtml.Transformer {
  return (tagName, attribs) => {
    const url = absoluteUrl(attribs[attr], baseUrl, schemes);
    const { [attr]: _dropped, ...rest } = attribs;
    return { tagName, attribs: url === null ? rest : { ...rest, [attr]: url } };
  };
}

export interface SanitizeOptions {
  /** Keep the few inline styles diff markup uses (colors, strike-through). */
  diffStyles?: boolean;
}

/**
 * Consecutive revisions of an article share most paragraphs, so results are remembered; the output
 * depends only on the arguments. Each revision's sanitized text is also kept with the revision itself
 * (content.ts), so this only serves articles rendered anew. Bounded to keep memory flat.
 */
const memo = new Map<string, string>();
const MEMO_LIMIT = 20_000;
/**
 * Keys hold whole paragraphs and diffs: bound the characters too (about 8 MB of UTF-16), enough for a
 * cycle that brings a few hundred full articles into the feeds at once, each revision sharing paragraphs.
 */
const MEMO_MAX_CHARS = 4_000_000;
let memoChars = 0;

/**
 * A paragraph that is only text in a `<p>`, its text escaped with nothing but &amp; &lt; &gt;: most stored
 * paragraphs (see store/paragraph-codec.ts). sanitize-html gives such a fragment back unchanged once the
 * characters XML forbids are gone (test/publish/sanitize-plain.test.ts checks this against sanitize-html
 * itself, on arbitrary text), so it is not parsed: parsing was most of a new article's publishing cost.
 * Each alternative starts with a different character, so matching is linear.
 */
const PLAIN_PARAGRAPH = /^<p>(?:[^<>&]|&(?:amp|lt|gt);)*<\/p>$/;

/** Diff markup (simple-markup.ts), with and without the diff styles; its tags carry no URL to resolve. */
const simpleMarkup = [false, true].map((styled) =>
  simpleMarkupSanitizer((tag, name) => sanitizeUncached(`${tag}</${name}>`, "http://localhost/", styled)),
);

/** Clean an HTML fragment for a feed; `baseUrl` is the page the fragment came from. */
export function sanitizeForFeed(html: string, baseUrl: string, options: SanitizeOptions = {}): string {
  if (PLAIN_PARAGRAPH.test(html)) return stripInvalidXmlChars(html);
  const simple = simpleMarkup[options.diffStyles === true ? 1 : 0]?.(html);
  if (simple !== undefined && simple !== null) return simple;
  const key = `${options.diffStyles === true ? "d" : "p"}\u0000${baseUrl}\u0000${html}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  const clean = sanitizeUncached(html, baseUrl, options.diffStyles === true);
  if (memo.size >= MEMO_LIMIT || memoChars > MEMO_MAX_CHARS) {
    memo.clear();
    memoChars = 0;
  }
  memo.set(key, clean);
  memoChars += key.length + clean.length;
  return clean;
}

/** The full sanitizer, without the memo or the plain-paragraph shortcut (exported for the tests that check that shortcut). */
export function sanitizeUncached(html: string, baseUrl: string, styled: boolean): string {
  const clean = sanitizeHtml(stripInvalidXmlChars(html), {
    allowedTags: TAGS,
    allowedAttributes: {
      a: ["href", "title"],
      img: ["src", "alt", "title", "width", "height"],
      td: ["colspan", "rowspan"],
      th: ["colspan", "rowspan"],
      time: ["datetime"],
      abbr: ["title"],
      ...(styled ? Object.fromEntries(STYLED_TAGS.map((t) => [t, ["style"]])) : {}),
    },
    // Styles are filtered by filterStyle (sanitize-html's own filter, once per distinct value).
    parseStyleAttributes: false,
    allowedSchemes: ["http", "https", "mailto"],
    allowedSchemesByTag: { img: ["http", "https"] },
    allowProtocolRelative: false,
    disallowedTagsMode: "discard",
    transformTags: {
      ...(styled ? Object.fromEntries(STYLED_TAGS.map((t) => [t, filterStyle])) : {}),
      a: withUrl("href", ["http:", "https:", "mailto:"], baseUrl),
      img: withUrl("src", ["http:", "https:"], baseUrl),
    },
  });
  // sanitize-html decodes entities such as `&#1;` into raw characters XML forbids.
  return stripInvalidXmlChars(clean);
}

/** Plain text bound for a feed (titles, tag labels): no XML-invalid or bidi control characters. */
export function cleanText(text: string): string {
  return stripInvalidXmlChars(text).replace(/\s+/g, " ").trim();
}

/** Escape plain text for HTML (element content and double-quoted attributes). */
export function escapeHtml(text: string): string {
  return cleanText(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}
