import type { Element } from "@xmldom/xmldom";
import { Feed } from "feed";
import { EMPTY_FEED_UPDATED, type FeedEntry, type FeedLink } from "./document.js";
import { contentField, entryRenderer } from "./entry-render.js";
import { CONTENT_SLOT } from "./splice.js";
import {
  attrField,
  ID_MARKER,
  LINK_MARKER,
  marker,
  PUBLISHED_MARKER,
  type TemplateField,
  UPDATED_MARKER,
  urlValue,
} from "./templates.js";
import {
  ATOM_NS,
  addElement,
  childElements,
  firstChild,
  parseXml,
  serializeXml,
  setText,
  setXmlLang,
} from "./xml-dom.js";

/**
 * One Atom `<entry>` from `feed`, finished with the DOM: a plain-text title (`feed` writes it as HTML),
 * the alternate link's relation and type, related/via links, categories with term and label, `xml:lang`.
 */

export function addAtomItem(
  feed: Feed,
  entry: Pick<FeedEntry, "id" | "link" | "updated" | "published">,
  withContent: boolean,
): void {
  feed.addItem({
    id: entry.id,
    // Replaced by a text node: `feed` would write it as CDATA, which breaks on a second `]]>`.
    title: "-",
    link: entry.link,
    date: new Date(entry.updated),
    published: new Date(entry.published),
    ...(withContent ? { content: CONTENT_SLOT } : {}),
  });
}

function finishEntry(el: Element, entry: FeedEntry): void {
  const what = `Atom entry ${entry.id}`;
  const title = firstChild(el, "title", what);
  setText(title, entry.title);
  title.removeAttribute("type");
  const alternate = firstChild(el, "link", what);
  alternate.setAttribute("rel", "alternate");
  alternate.setAttribute("type", "text/html");
  for (const link of entry.links) {
    addElement(el, ATOM_NS, "link", { rel: link.rel, type: link.type, href: link.href, title: link.title });
  }
  for (const c of entry.categories) addElement(el, ATOM_NS, "category", { term: c.term, label: c.label });
  setXmlLang(el, entry.lang);
}

/** The entries in one `feed` document, finished, serialized. */
export function atomEntriesWithDom(entries: FeedEntry[], withContent: boolean[]): string {
  const feed = new Feed({
    id: "urn:revfeed:entries",
    title: "",
    updated: new Date(EMPTY_FEED_UPDATED),
    generator: false,
  });
  for (const [i, entry] of entries.entries()) addAtomItem(feed, entry, withContent[i] === true);
  const xml = parseXml(feed.atom1(), "Atom entries");
  const els = xml.documentElement ? childElements(xml.documentElement, "entry") : [];
  if (els.length !== entries.length) throw new Error("publish: Atom entries were not all rendered");
  for (const [i, entry] of entries.entries()) finishEntry(els[i] as Element, entry);
  return serializeXml(xml);
}

const attr = attrField<FeedEntry>;

/** An entry of `e`'s shape with a marker for every value, and the fields that fill them. */
function markers(e: FeedEntry): { entry: FeedEntry; fields: TemplateField<FeedEntry>[] } {
  const fields: TemplateField<FeedEntry>[] = [
    { marker: marker("title"), escape: "text", value: (x) => x.title },
    { marker: ID_MARKER, escape: "text", value: (x) => urlValue(x.id) },
    { marker: LINK_MARKER, escape: "attr", value: (x) => urlValue(x.link) },
    { marker: UPDATED_MARKER, escape: "raw", value: (x) => new Date(x.updated).toISOString() },
    { marker: PUBLISHED_MARKER, escape: "raw", value: (x) => new Date(x.published).toISOString() },
    ...(e.contentHtml !== "" ? [contentField()] : []),
    ...e.links.flatMap((l, i) => [
      attr(`rel${i}`, (x) => x.links[i]?.rel),
      attr(`type${i}`, (x) => x.links[i]?.type),
      attr(`href${i}`, (x) => x.links[i]?.href),
      ...(l.title === undefined ? [] : [attr(`title${i}`, (x) => x.links[i]?.title)]),
    ]),
    ...e.categories.flatMap((_, i) => [
      attr(`term${i}`, (x) => x.categories[i]?.term),
      attr(`label${i}`, (x) => x.categories[i]?.label),
    ]),
    ...(e.lang ? [attr("lang", (x) => x.lang)] : []),
  ];
  const links: FeedLink[] = e.links.map((l, i) => ({
    rel: marker(`rel${i}`) as FeedLink["rel"],
    type: marker(`type${i}`),
    href: marker(`href${i}`),
    ...(l.title === undefined ? {} : { title: marker(`title${i}`) }),
  }));
  const entry: FeedEntry = {
    id: ID_MARKER,
    title: marker("title"),
    link: LINK_MARKER,
    links,
    published: PUBLISHED_MARKER,
    updated: UPDATED_MARKER,
    summary: "",
    contentHtml: e.contentHtml !== "" ? "-" : "",
    categories: e.categories.map((_, i) => ({ term: marker(`term${i}`), label: marker(`label${i}`) })),
    lang: e.lang ? marker("lang") : null,
  };
  return { entry, fields };
}

/** Each entry's `<entry>` element, serialized as it appears in any document. */
export const atomEntries = entryRenderer({
  kind: "Atom entry",
  element: "entry",
  shape: (e) =>
    [
      e.contentHtml !== "" ? "c" : "-",
      e.lang ? "l" : "-",
      e.links.map((l) => (l.title === undefined ? "-" : "t")).join(""),
      e.categories.length,
    ].join("|"),
  markers,
  dom: atomEntriesWithDom,
});
