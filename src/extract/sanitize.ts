import sanitizeHtml from "sanitize-html";
import { stripInvalidXmlChars } from "../text/xml-chars.js";

/**
 * Allowlist sanitizer for an HTML fragment taken from someone else's page (article paragraphs; the publishing
 * and web layers reuse it). Keeps paragraph-level markup and links/images made absolute against the page,
 * drops scripts, styles, event handlers, iframes, forms and every non-http(s) URL (javascript:, data: …).
 * sanitize-html keeps XML-invalid control characters in text, so they are stripped after it.
 */

const ALLOWED_TAGS = [
  "p",
  "br",
  "a",
  "b",
  "strong",
  "i",
  "em",
  "u",
  "s",
  "sub",
  "sup",
  "small",
  "mark",
  "q",
  "cite",
  "abbr",
  "code",
  "img",
  "h2",
  "h3",
  "h4",
  "blockquote",
  "ul",
  "ol",
  "li",
];

// Elements whose text is not article text either: dropped with everything inside.
const DROP_WITH_CONTENT = [
  "script",
  "style",
  "noscript",
  "template",
  "textarea",
  "option",
  "select",
  "button",
  "form",
  "iframe",
  "object",
  "embed",
  "svg",
  "math",
  "canvas",
  "video",
  "audio",
];

function absolutize(attribute: string, baseUrl: string): sanitizeHtml.Transformer {
  return (tagName, attribs) => {
    const { [attribute]: value, ...rest } = attribs;
    if (value === undefined) return { tagName, attribs: rest };
    try {
      const url = new URL(value.trim(), baseUrl);
      // A bare in-page anchor means nothing outside the page it came from.
      if (
        url.hash &&
        url.href.split("#")[0] === new URL(baseUrl).href.split("#")[0] &&
        attribute === "href"
      ) {
        return { tagName, attribs: rest };
      }
      return { tagName, attribs: { ...rest, [attribute]: url.href } };
    } catch {
      return { tagName, attribs: rest };
    }
  };
}

/**
 * Plain text with nothing to escape, strip or re-parse: sanitize-html gives such a fragment back unchanged
 * (its parser sees one text node, and escaping touches only `&`, `<` and `>`), so it is skipped, which is
 * most paragraphs. The class lists the characters stripInvalidXmlChars removes, with every surrogate.
 */
const NEEDS_SANITIZER =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this looks for.
  /[<>&\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uD800-\uDFFF\uFFFE\uFFFF\u202A-\u202E\u2066-\u2069]/;

export function sanitizeFragment(html: string, baseUrl: string): string {
  if (!NEEDS_SANITIZER.test(html)) return html.trim();
  const clean = sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: { a: ["href", "title"], img: ["src", "alt", "title", "width", "height"] },
    allowedSchemes: ["http", "https", "mailto"],
    allowedSchemesByTag: { img: ["http", "https"] },
    allowedSchemesAppliedToAttributes: ["href", "src"],
    allowProtocolRelative: false,
    disallowedTagsMode: "discard",
    nonTextTags: DROP_WITH_CONTENT,
    transformTags: { a: absolutize("href", baseUrl), img: absolutize("src", baseUrl) },
    // An image whose source did not survive is an empty box.
    exclusiveFilter: (frame) => frame.tag === "img" && !frame.attribs.src,
  });
  return stripInvalidXmlChars(clean).trim();
}
