import { compile, selectAll, selectOne } from "css-select";
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

/** css-select typed for htmlparser2's DOM (it infers the element type from the root otherwise). */
export function one(selector: string, root: Root): Element | null {
  return selectOne<AnyNode, Element>(query(selector, root), root);
}

export function all(selector: string, root: Root): Element[] {
  return selectAll<AnyNode, Element>(query(selector, root), root);
}

export function metaContent(root: Root, selectors: string[]): string | null {
  for (const selector of selectors) {
    const value = one(selector, root)?.attribs.content?.trim();
    if (value) return value;
  }
  return null;
}

/** Publication time from the usual meta tags, then the first `<time datetime>`. */
export function metaPublishedAt(root: Root): string | null {
  const meta = metaContent(root, [
    "meta[property='article:published_time']",
    "meta[itemprop='datePublished']",
    "meta[name='pubdate']",
    "meta[name='publish-date']",
    "meta[name='date']",
  ]);
  const fromMeta = toUtcIso(meta);
  if (fromMeta) return fromMeta;
  const time = one("[itemprop='datePublished'][datetime], time[datetime]", root);
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
