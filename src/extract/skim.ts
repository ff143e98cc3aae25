/**
 * Proves, without tokenizing character by character, that a stretch of a page is made of whole markup
 * tokens the way htmlparser2 (12.x) reads them: after it, htmlparser2's tokenizer is back in its text
 * state and outside SVG/MathML. The fast extraction path skips such stretches (menus, tickers, scripts)
 * and parses only the elements it needs.
 *
 * The grammar below is one regular expression over the stretch. It is deliberately narrower than what
 * htmlparser2 accepts: anything it does not model exactly (CDATA, `<plaintext>`, a quote inside an
 * attribute name, an unquoted value starting with `=` or a quote, `<svg>` holding a raw-text tag…) makes
 * it fail, and a failure only means "parse the whole page". Every choice it makes is forced (a shorter
 * name, value or text run could not be followed by anything the grammar allows), so when it matches it
 * has read the stretch exactly as the tokenizer does, and it cannot backtrack into exponential time.
 * test/extract/skim.test.ts checks it against htmlparser2 on fixtures and mutated pages.
 */

const WS = "[\\t\\n\\f\\r ]";
const NOT_NAME_END = "[^\\t\\n\\f\\r />]";
/** An attribute: a name (no quote, `=` or `<` in it) and maybe `= value`. */
const ATTRIBUTE =
  "[^\\t\\n\\f\\r />=\"'<][^\\t\\n\\f\\r />=\"'<]*" +
  `(?:${WS}*=${WS}*(?:"[^"]*"|'[^']*'|[^\\t\\n\\f\\r >"'<=][^\\t\\n\\f\\r >]*(?=[\\t\\n\\f\\r >])))?`;
/** What follows a tag name up to and including its `>`. */
const TAG_REST = `(?:[\\t\\n\\f\\r /]+${ATTRIBUTE})*[\\t\\n\\f\\r /]*>`;
/** Elements whose content htmlparser2 reads as raw text up to their end tag. */
const RAW_TEXT = "script|style|title|textarea|iframe|noembed|noframes|xmp";
/**
 * Names that change how the tokenizer reads what follows (raw text, foreign content, plain text), and
 * `template`, whose content css-select never searches: an element found after an unclosed one might be
 * inside it on the page.
 */
const SPECIAL = `(?:${RAW_TEXT}|plaintext|svg|math|template)(?!${NOT_NAME_END})`;

const TEXT = "[^<]+(?=<|$)";
/** `<` not followed by a letter, `/`, `!` or `?` is text. */
const LONE_LT = "<(?![a-z/!?])";
const START_TAG = `<(?!${SPECIAL})[a-z]${NOT_NAME_END}*${TAG_REST}`;
/** An end tag ends at the first `>`, whatever comes between. */
const END_TAG = "</[a-z][^>]*>";
/** `</>` is nothing; `</ x>` and `</1>` are bogus comments up to the next `>`. */
const ODD_END = "</(?:>|[^a-z>][^>]*>)";
/**
 * `<!--` up to the first `-->` or `--!>`; `<!-->` and `<!--->` are empty comments. Written as an
 * unrolled loop (a dash is content only when no end starts at it) rather than a lazy `*?`, which on
 * backtracking would stretch to a later end and swallow whatever lies between.
 */
const COMMENT = "<!--(?:-?>|(?!-?>)[^-]*(?:-(?!-!?>)[^-]*)*--!?>)";
/** `<!DOCTYPE …>` and every other `<!…>` and `<?…>` except comments and CDATA end at the first `>`. */
const DECLARATION = "<(?:!(?!--|\\[)|\\?)[^>]*>";
/**
 * A raw-text element up to its end tag: the first `</name` followed by white space, `/` or `>` (an
 * unrolled loop again: content may hold a `<` only where no such end tag starts).
 * htmlparser2 matches that end tag with `c | 0x20`, so U+001C and U+000F also stand in for `<` and `/`
 * there; raw text holding either is left to the full parser rather than modelled.
 */
const RAW_END = `</\\1(?![^\\t\\n\\f\\r />]|$)`;
const RAW_ELEMENT =
  `<(${RAW_TEXT})(?!${NOT_NAME_END})${TAG_REST}` +
  `[^<\\u000f\\u001c]*(?:<(?!${RAW_END.slice(1)})[^<\\u000f\\u001c]*)*${RAW_END}[^>]*>`;
/**
 * An `<svg>` or `<math>` element up to its first matching end tag, holding only text, comments and tags
 * that read the same in foreign content: no raw-text element (none is one there), no nested svg/math, no
 * integration point (foreignObject, desc, title, mi, mo, mn, ms, mtext, annotation-xml, inside which HTML
 * rules apply again) but a plain-text label (below). Its end tag closes it whatever else is open inside,
 * so after it the tokenizer is outside foreign content. A self-closing `<svg/>` is closed at once and what follows is HTML, which these
 * restrictions read the same way.
 */
const FOREIGN_INNER_EXCLUDED =
  "(?:svg|math|foreignobject|desc|title|mi|mo|mn|ms|mtext|annotation-xml|script|style|textarea|iframe|noembed|noframes|xmp|plaintext|template)";
/**
 * An SVG `<title>` or `<desc>` (icons carry them for screen readers) holding nothing but text: HTML rules
 * apply inside, which for plain text changes nothing, and it reads the same if the svg was self-closed.
 */
const FOREIGN_LABEL = `<(title|desc)(?!${NOT_NAME_END})${TAG_REST}[^<]*</\\3(?!${NOT_NAME_END})[^>]*>`;
const FOREIGN_ELEMENT =
  `<(svg|math)(?!${NOT_NAME_END})${TAG_REST}` +
  `(?:${TEXT}|${LONE_LT}|${COMMENT}|${FOREIGN_LABEL}|<(?!${FOREIGN_INNER_EXCLUDED}(?!${NOT_NAME_END}))[a-z]${NOT_NAME_END}*${TAG_REST}|</(?!\\2(?!${NOT_NAME_END}))[a-z][^>]*>)*` +
  `</\\2(?![^\\t\\n\\f\\r />])[^>]*>`;

const MARKUP = new RegExp(
  `^(?:${TEXT}|${LONE_LT}|${START_TAG}|${END_TAG}|${ODD_END}|${COMMENT}|${DECLARATION}|${RAW_ELEMENT}|${FOREIGN_ELEMENT})*$`,
  "i",
);

/**
 * True when html[from, to) is a sequence of whole tokens that leaves htmlparser2's tokenizer in its text
 * state outside foreign content (so a tag starting at `to` is read as a tag), as long as the tokenizer
 * was in that state at `from`. False when unsure.
 */
export function isWholeMarkup(html: string, from: number, to: number): boolean {
  return MARKUP.test(html.slice(from, to));
}

const ONE_COMMENT = new RegExp(COMMENT, "y");

/** Where the comment starting at html[at] ends (just past it), or -1 when it does not end. */
export function commentEnd(html: string, at: number): number {
  ONE_COMMENT.lastIndex = at;
  return ONE_COMMENT.test(html) ? ONE_COMMENT.lastIndex : -1;
}
