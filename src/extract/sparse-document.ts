import { compile } from "css-select";
import type { AnyNode, Document, Element } from "domhandler";
import { RegionDocument } from "./region.js";
import {
  type Complex,
  keyLiteral,
  type Literal,
  literalPattern,
  mayMatchIn,
  parseSelector,
} from "./selector-literals.js";
import { commentEnd, isWholeMarkup } from "./skim.js";

/**
 * A page's DOM with only the elements a profile's selectors can match, for a fraction of a full parse.
 *
 * Every compound of every selector the profile uses has a key literal (selector-literals.ts): an element
 * without it in its start tag matches none of them. The page is read from the top: the stretch up to the
 * next key literal is proved to be whole markup (skim.ts) and skipped, the element holding the literal is
 * parsed as a whole (region.ts), and so on until `enough` says the elements needed so far are there. The
 * result holds, in page order, every element before that point that any compound could match, each with
 * the attributes and children it has in a full parse, and no element in between could be a match or an
 * ancestor that matters. After that point (the rest), a selector that found nothing may still find
 * something, which `onlyMatchesSeen` checks. Whenever a step is not sure, there is no sparse document.
 */

export interface SparseOptions {
  /** Every selector the profile may evaluate at page level. */
  selectors: readonly string[];
  /** Selectors whose matches are only read for their attributes (`html[lang]`, `meta[…]`). */
  attributeOnly: readonly string[];
  /** True once the elements parsed so far are all the profile needs (the article body is in). */
  enough: (element: Element) => boolean;
}

export interface SparseDocument {
  root: Document;
  /**
   * True when evaluating these selectors on `root` gives what it gives on the full page: each was
   * declared, and any that found nothing (or was asked for all its matches) cannot match in the rest.
   */
  onlyMatchesSeen(evaluated: ReadonlyMap<string, "hit" | "miss" | "all">): boolean;
}

interface Plan {
  parsed: Map<string, Complex[]>;
  trigger: RegExp;
  /** Tests for the compounds an html/head/body start tag must not match (all but attribute-only subjects). */
  wrapperMustNotMatch: ((element: Element) => boolean)[];
}

const plans = new WeakMap<SparseOptions, Plan | null>();

/** The literals and tests for a profile's selectors; null (always parse in full) if one is not understood. */
function planFor(options: SparseOptions): Plan | null {
  const cached = plans.get(options);
  if (cached !== undefined) return cached;
  let plan: Plan | null = null;
  try {
    plan = makePlan(options);
  } catch {
    // A selector outside the supported subset: correct, only slower. test/extract/sparse-*.test.ts
    // notices, because the Trend fixtures stop taking the sparse path.
  }
  plans.set(options, plan);
  return plan;
}

function makePlan(options: SparseOptions): Plan {
  const parsed = new Map(options.selectors.map((s) => [s, parseSelector(s)] as const));
  const keys = new Map<string, Literal>();
  const compounds = new Set<string>();
  for (const list of parsed.values()) {
    for (const complex of list) {
      for (const compound of complex) {
        const key = keyLiteral(compound);
        keys.set(`${key.caseless}:${key.text}`, key);
        compounds.add(compound.source);
      }
    }
  }
  const attributeSubjects = new Set<string>();
  for (const selector of options.attributeOnly) {
    for (const complex of parsed.get(selector) ?? []) attributeSubjects.add(complex.at(-1)?.source ?? "");
  }
  const wrapperMustNotMatch = [...compounds]
    .filter((compound) => !attributeSubjects.has(compound))
    .map((compound) => compile<AnyNode, Element>(compound));
  return { parsed, trigger: triggerFor([...keys.values()]), wrapperMustNotMatch };
}

/**
 * One regular expression that finds the first key literal (or numeric reference) at or after a point.
 * Where one literal holds another ("article-content" holds "article"), the shorter finds both; tag names
 * share their `<`. Both keep the alternation short, which is what makes it fast.
 */
function triggerFor(keys: Literal[]): RegExp {
  const implies = (a: Literal, b: Literal) =>
    a !== b && (b.caseless ? a.text.toLowerCase().includes(b.text) : !a.caseless && a.text.includes(b.text));
  const needed = keys.filter((a) => !keys.some((b) => implies(a, b)));
  const tags = needed
    .filter((k) => k.text.startsWith("<"))
    .map((k) => literalPattern({ ...k, text: k.text.slice(1) }));
  const others = needed.filter((k) => !k.text.startsWith("<")).map(literalPattern);
  const alternatives = [...(tags.length > 0 ? [`<(?:${tags.join("|")})`] : []), ...others, "&#"];
  return new RegExp(alternatives.join("|"), "g");
}

/** A numeric character reference that decodes to a character a literal is made of (letter, digit, `-`). */
function refersToLiteralCharacter(html: string, at: number): boolean {
  const m = /^&#(?:[xX]([0-9a-fA-F]+)|([0-9]+))/.exec(html.slice(at, at + 16));
  if (!m) return false;
  const cp = m[1] !== undefined ? Number.parseInt(m[1], 16) : Number(m[2]);
  return (
    cp === 0x2d || (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a)
  );
}

/** Elements whose content the literal may sit in without a `<` of its own before it. */
const CONTAINER_START =
  /<(?:script|style|title|textarea|iframe|noembed|noframes|xmp|svg|math)(?![^\t\n\f\r />])/gi;

/** Reads a page from the top, remembering how far it is known to be whole markup. */
class Cursor {
  /** html[0, proved) is parsed or proved whole markup: the tokenizer is in its text state at `proved`. */
  proved = 0;

  constructor(private readonly html: string) {}

  /** Extends the proof to `to`; false when html[proved, to) is not whole markup. */
  proveTo(to: number): boolean {
    if (to < this.proved || (to > this.proved && !isWholeMarkup(this.html, this.proved, to))) return false;
    this.proved = to;
    return true;
  }
}

type Found = { element: number } | { skipTo: number } | null;

/**
 * What holds a literal found at `hit`: text (a literal there matches nothing), a comment (CMS templates
 * mark their blocks with comments like `<!-- /.article -->`), both skipped, or an element to parse,
 * starting at the `<` before the literal or at the script, style or svg the literal sits in. Null when
 * none of these is proved.
 */
function locate(html: string, cursor: Cursor, hit: number): Found {
  const lt = html.lastIndexOf("<", hit);
  const textStart = Math.max(html.lastIndexOf(">", hit) + 1, cursor.proved);
  if (lt < textStart && cursor.proveTo(textStart)) {
    const next = html.indexOf("<", hit);
    cursor.proved = next < 0 ? html.length : next;
    return { skipTo: cursor.proved };
  }
  if (lt >= cursor.proved && /^<[a-zA-Z]/.test(html.slice(lt, lt + 2)) && cursor.proveTo(lt))
    return { element: lt };
  const comment = html.lastIndexOf("<!--", hit);
  if (comment >= cursor.proved && cursor.proveTo(comment)) {
    const end = commentEnd(html, comment);
    if (end <= hit) return null;
    cursor.proved = end;
    return { skipTo: end };
  }
  CONTAINER_START.lastIndex = cursor.proved;
  let container = -1;
  for (let m = CONTAINER_START.exec(html); m && m.index < hit; m = CONTAINER_START.exec(html))
    container = m.index;
  return container >= 0 && cursor.proveTo(container) ? { element: container } : null;
}

/** More elements or literals than this and the page is not the kind the sparse path is for. */
const MAX_REGIONS = 120;
const MAX_STEPS = 400;

export function buildSparseDocument(html: string, options: SparseOptions): SparseDocument | null {
  const plan = planFor(options);
  if (!plan) return null;
  const doc = new RegionDocument();
  const cursor = new Cursor(html);
  const trigger = new RegExp(plan.trigger.source, "g");
  /** Where the last element parsed ends: after it, only the literals' absence says what may match. */
  let pos = 0;
  let scan = 0;
  let regions = 0;
  let steps = 0;
  for (;;) {
    trigger.lastIndex = scan;
    const m = trigger.exec(html);
    if (!m) break;
    if (m[0] === "&#" && !refersToLiteralCharacter(html, m.index)) {
      scan = m.index + 2;
      continue;
    }
    if (++steps > MAX_STEPS) return null;
    const found = locate(html, cursor, m.index);
    if (!found) return null;
    if ("skipTo" in found) {
      scan = found.skipTo;
      continue;
    }
    if (++regions > MAX_REGIONS) return null;
    const added = doc.add(html, found.element);
    if (!added) return null;
    pos = scan = cursor.proved = added.end;
    const element = doc.root.children.at(-1);
    if (element?.type !== "tag" && element?.type !== "script" && element?.type !== "style") return null;
    if (WRAPPERS.has(added.name) && !wrapperIsHarmless(element, plan)) return null;
    if (options.enough(element)) break;
  }
  const rest = html.slice(pos);
  return {
    root: doc.root,
    onlyMatchesSeen: (evaluated) => {
      for (const [selector, outcome] of evaluated) {
        const parsed = plan.parsed.get(selector);
        if (!parsed) return false;
        if (outcome !== "hit" && mayMatchIn(rest, parsed)) return false;
      }
      return true;
    },
  };
}

const WRAPPERS = new Set(["html", "head", "body"]);

/** An html, head or body start tag kept without its content must not be what a selector is after. */
function wrapperIsHarmless(element: Element, plan: Plan): boolean {
  return plan.wrapperMustNotMatch.every((test) => !test(element));
}
