import { compile, is, selectAll, selectOne } from "css-select";
import type { AnyNode, Element } from "domhandler";
import { toUtcIso } from "../sources/dates.js";
import { blockText } from "./blocks.js";
import { normalizeText } from "./text.js";

/** Page-level facts read the same way by every profile: meta tags, <html lang>, the <title>. */

// A single root: css-select given an array searches below the array's elements only, never a Document in it.
type Root = AnyNode;

type Query = string | ((el: Element) => boolean);
const compiled = new Map<string, (el: Element) => boolean>();

/**
 * css-select compiles a selector string on every call, which cost more than the search on a small page; the
 * profiles use a fixed set of selectors, so each is compiled once. A compiled query has no context, which
 * only matters for a selector with a combinator searched below an element (css-select then anchors it at
 * that element): those keep the string form.
 */
function query(selector: string, root: Root): Query {
  if (root.type !== "root" && /[\s>+~]/.test(selector.replace(/\s*,\s*/g, ","))) return selector;
  let fn = compiled.get(selector);
  if (!fn) {
    fn = compile<AnyNode, Element>(selector);
    compiled.set(selector, fn);
  }
  return fn;
}

export type SelectorOutcome = "hit" | "miss" | "all";
const logs = new WeakMap<AnyNode, Map<string, SelectorOutcome>>();

/**
 * From now on, record every selector evaluated on `root` itself and whether it found something ("all"
 * for a search for every match). The sparse document (sparse-document.ts) needs to know which selectors
 * a profile asked it, and which of them came back empty.
 */
export function logSelectors(root: AnyNode): ReadonlyMap<string, SelectorOutcome> {
  const log = new Map<string, SelectorOutcome>();
  logs.set(root, log);
  return log;
}

function note(root: Root, selector: string, outcome: SelectorOutcome): void {
  const log = logs.get(root);
  const previous = log?.get(selector);
  if (log && previous !== "all" && previous !== "miss") log.set(selector, outcome);
}

/** css-select typed for htmlparser2's DOM (it infers the element type from the root otherwise). */
export function one(selector: string, root: Root): Element | null {
  const found = selectOne<AnyNode, Element>(query(selector, root), root);
  note(root, selector, found ? "hit" : "miss");
  return found;
}

/** Whether the element itself matches (not logged: only whole-page searches are). */
export function matches(selector: string, element: Element): boolean {
  const q = query(selector, element);
  return typeof q === "string" ? is<AnyNode, Element>(element, q) : q(element);
}

export function all(selector: string, root: Root): Element[] {
  note(root, selector, "all");
  return selectAll<AnyNode, Element>(query(selector, root), root);
}

export function metaContent(root: Root, selectors: string[]): string | null {
  for (const selector of selectors) {
    const value = one(selector, root)?.attribs.content?.trim();
    if (value) return value;
  }
  return null;
}

const PUBLISHED_META = [
  "meta[property='article:published_time']",
  "meta[itemprop='datePublished']",
  "meta[name='pubdate']",
  "meta[name='publish-date']",
  "meta[name='date']",
];
const PUBLISHED_TIME = "[itemprop='datePublished'][datetime], time[datetime]";

/** Every selector the functions below evaluate at page level, and those read only for attributes. */
export const PAGE_META_SELECTORS = [...PUBLISHED_META, PUBLISHED_TIME, "html[lang]", "title"];
export const PAGE_META_ATTRIBUTE_SELECTORS = [...PUBLISHED_META, PUBLISHED_TIME, "html[lang]"];

/** Publication time from the usual meta tags, then the first `<time datetime>`. */
export function metaPublishedAt(root: Root): string | null {
  const fromMeta = toUtcIso(metaContent(root, PUBLISHED_META));
  if (fromMeta) return fromMeta;
  const time = one(PUBLISHED_TIME, root);
  return toUtcIso(time?.attribs.datetime);
}

/** Primary language subtag of `<html lang>` (`ru-RU` -> `ru`). */
export function htmlLang(root: Root): string | null {
  const lang = one("html[lang]", root)?.attribs.lang?.trim().toLowerCase();
  const primary = lang?.split(/[-_]/)[0];
  return primary && /^[a-z]{2,3}$/.test(primary) ? primary : null;
}

export function textOf(el: Element | null | undefined): string {
  return el ? normalizeText(blockText(el)) : "";
}

/** The `<title>` without a trailing site name (`Title - Trend`, `Title | Site`). */
export function documentTitle(root: Root): string {
  const title = textOf(one("title", root));
  return title.replace(/\s+[-–—|]\s+[^-–—|]{1,40}$/, "").trim();
}

export function allText(selector: string, root: Root): string[] {
  return all(selector, root)
    .map(textOf)
    .filter((t) => t !== "");
}
