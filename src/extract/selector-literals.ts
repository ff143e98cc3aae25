/**
 * Strings an element's start tag must contain to match a CSS selector, so a stretch of raw HTML that lacks
 * them is known to hold no match without parsing it. Only the selector subset the profiles use is
 * understood (type, `.class`, `[attr]`, `[attr=v]`, `[attr*=v]` and friends, descendant and child
 * combinators, lists); anything else throws, so a new kind of selector cannot slip through unexamined.
 *
 * Tag and attribute names are matched without regard to case (htmlparser2 lower-cases them). Class and
 * attribute values are decoded by the parser, so their literals are only trusted in text without numeric
 * character references (`&#…;`): no named reference decodes to an ASCII letter, digit or `-` except
 * `&fjlig;` ("fj"), so literals are cut to runs of those characters that could not take an "fj" from one.
 */

export interface Literal {
  /** The text as it must appear in the page (lower case when `caseless`). */
  text: string;
  caseless: boolean;
  /** A tag or attribute name (never decoded) rather than part of an attribute value (decoded). */
  name: boolean;
}

/** One compound selector (`h1[itemprop='headline']`): every literal of it is required. */
export interface Compound {
  source: string;
  literals: Literal[];
}

/** One complex selector (`.top-part .date-time`): its compounds, the subject (matched element) last. */
export type Complex = Compound[];

const COMMON_TAGS = new Set(["a", "div", "span", "p", "li", "ul", "ol", "img", "section", "article"]);

/** Runs of characters no named character reference produces, long enough to mean something. */
function safeRuns(value: string): string[] {
  return (value.match(/[a-zA-Z0-9-]+/g) ?? []).filter((run) => run.length >= 3 && !/fj|^j|f$/.test(run));
}

/** Attributes whose values css-select 7 compares without regard to case in HTML (its list, verbatim). */
const CASELESS_VALUES = new Set(
  (
    "accept accept-charset align alink axis bgcolor charset checked clear codetype color compact declare defer " +
    "dir direction disabled enctype face frame hreflang http-equiv lang language link media method multiple " +
    "nohref noresize noshade nowrap readonly rel rev rules scope scrolling selected shape target text type " +
    "valign valuetype vlink"
  ).split(" "),
);

const TOKEN =
  /\s*([>+~,])\s*|(\s+)|([a-zA-Z][a-zA-Z0-9-]*)|\.([a-zA-Z_-][a-zA-Z0-9_-]*)|\[\s*([a-zA-Z][a-zA-Z0-9_:-]*)\s*(?:([~|^$*]?=)\s*(?:'([^']*)'|"([^"]*)"|([a-zA-Z0-9_-]+))\s*)?\]/y;

/** Parses a selector list into complex selectors; throws on syntax outside the supported subset. */
export function parseSelector(selector: string): Complex[] {
  const list: Complex[] = [];
  let complex: Complex = [];
  let compound: Compound | null = null;
  const finish = () => {
    if (compound) complex.push(compound);
    compound = null;
  };
  const source = selector.trim();
  let pos = 0;
  let start = 0;
  while (pos < source.length) {
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(source);
    if (!m) throw new Error(`selector-literals: unsupported selector ${JSON.stringify(selector)}`);
    const [all, combinator, space, tag, cls, attr, , v1, v2, v3] = m;
    pos += all.length;
    if (combinator === "+" || combinator === "~") {
      throw new Error(`selector-literals: sibling combinators are not supported (${selector})`);
    }
    if (combinator || space) {
      if (compound) (compound as Compound).source = source.slice(start, pos - all.length).trim();
      finish();
      if (combinator === ",") {
        if (complex.length === 0) throw new Error(`selector-literals: empty selector in ${selector}`);
        list.push(complex);
        complex = [];
      }
      start = pos;
      continue;
    }
    compound ??= { source: "", literals: [] };
    const literals = (compound as Compound).literals;
    // htmlparser2 reads `<image>` as an img element.
    if (tag) {
      const text = tag.toLowerCase() === "img" ? "<im" : `<${tag.toLowerCase()}`;
      literals.push({ text, caseless: true, name: true });
    }
    if (cls) for (const run of safeRuns(cls)) literals.push({ text: run, caseless: false, name: false });
    if (attr) {
      const name = attr.toLowerCase();
      literals.push({ text: name, caseless: true, name: true });
      const caseless = CASELESS_VALUES.has(name);
      for (const run of safeRuns(v1 ?? v2 ?? v3 ?? "")) {
        literals.push({ text: caseless ? run.toLowerCase() : run, caseless, name: false });
      }
    }
  }
  if (compound) (compound as Compound).source = source.slice(start).trim();
  finish();
  if (complex.length === 0) throw new Error(`selector-literals: empty selector in ${selector}`);
  list.push(complex);
  return list;
}

/**
 * The one literal to look for to rule a compound out: a class or a rare tag name before an attribute
 * value, an attribute name or a common tag name, because the rarer the string the fewer false alarms.
 */
export function keyLiteral(compound: Compound): Literal {
  const rank = (l: Literal) => {
    if (l.text.startsWith("<")) return COMMON_TAGS.has(l.text.slice(1)) ? 4 : 1;
    return l.name ? 3 : 2;
  };
  const sorted = [...compound.literals].sort((a, b) => rank(a) - rank(b) || b.text.length - a.text.length);
  const best = sorted[0];
  if (!best) throw new Error(`selector-literals: ${compound.source} has nothing to look for`);
  return best;
}

/** A regular-expression source that finds a literal (tag and attribute names in any case). */
export function literalPattern(literal: Literal): string {
  const escaped = literal.text.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&");
  if (!literal.caseless) return escaped;
  return escaped.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`);
}

const finders = new Map<string, RegExp>();

/** True when `text` contains the literal (values only count in text free of numeric references). */
export function mayContain(text: string, literal: Literal, hasNumericRefs: boolean): boolean {
  if (!literal.name && hasNumericRefs) return true;
  if (!literal.caseless) return text.includes(literal.text);
  let finder = finders.get(literal.text);
  if (!finder) {
    finder = new RegExp(literalPattern(literal));
    finders.set(literal.text, finder);
  }
  return finder.test(text);
}

/** True unless `text` is known to hold no element matching the subject of some selector in the list. */
export function mayMatchIn(text: string, selector: Complex[]): boolean {
  const refs = text.includes("&#");
  return selector.some((complex) => {
    const subject = complex[complex.length - 1] as Compound;
    return subject.literals.every((l) => mayContain(text, l, refs));
  });
}
