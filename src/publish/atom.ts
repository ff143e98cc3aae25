import type { Element } from "@xmldom/xmldom";
import { Feed } from "feed";
import { EMPTY_FEED_UPDATED, type FeedDocument, type FeedEntry } from "./document.js";
import { assemble, CONTENT_SLOT, cutElement, entryElements } from "./splice.js";
import {
  ATOM_NS,
  addElement,
  childElements,
  firstChild,
  parseXml,
  serializeXml,
  setText,
  setXmlLang,
  TOMBSTONE_NS,
  XMLNS_NS,
} from "./xml-dom.js";

/**
 * Atom 1.0 (RFC 4287) from `feed`, finished with the DOM: plain-text titles (`feed` writes them as HTML),
 * `xml:lang`, alternate/related/via link relations, categories with term and label, and RFC 6721
 * tombstones, which the schema requires before the first entry. Entries are rendered once per entry
 * object (entries are immutable) and spliced into each document that shows them (see splice.ts).
 */

/** What `feed` writes between two entries (xml-js, four-space indentation). */
const ENTRY_SEPARATOR = "\n    ";

const rendered = new WeakMap<FeedEntry, Buffer>();

function addItem(
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

/** Each entry's `<entry>` element, serialized as it appears in any document. */
export function atomEntries(entries: FeedEntry[]): Buffer[] {
  return entryElements(entries, rendered, "entry", "Atom entry", (missing, withContent) => {
    const feed = new Feed({
      id: "urn:revfeed:entries",
      title: "",
      updated: new Date(EMPTY_FEED_UPDATED),
      generator: false,
    });
    for (const [i, entry] of missing.entries()) addItem(feed, entry, withContent[i] === true);
    const xml = parseXml(feed.atom1(), "Atom entries");
    const els = xml.documentElement ? childElements(xml.documentElement, "entry") : [];
    if (els.length !== missing.length) throw new Error("publish: Atom entries were not all rendered");
    for (const [i, entry] of missing.entries()) finishEntry(els[i] as Element, entry);
    return serializeXml(xml);
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

export function renderAtom(doc: FeedDocument): Buffer {
  const entries = atomEntries(doc.entries);
  const feed = new Feed({
    id: doc.id,
    title: doc.title,
    updated: new Date(doc.updated),
    generator: doc.generator,
    link: doc.homePage,
    feed: doc.urls.atom,
    ...(doc.hub ? { hub: doc.hub } : {}),
    description: doc.description,
    author: { name: doc.authorName },
  });
  // One stand-in entry, so that what goes before the first entry lands where it does with many.
  const slot = { id: "urn:revfeed:slot", link: doc.homePage, updated: doc.updated, published: doc.updated };
  if (entries.length > 0) addItem(feed, slot, false);
  const xml = parseXml(feed.atom1(), `Atom feed ${doc.stem}`);
  const root = xml.documentElement;
  if (!root) throw new Error(`publish: Atom feed ${doc.stem} has no root element`);
  finishFeed(root, doc);
  addTombstones(root, doc);
  const skeleton = serializeXml(xml);
  if (entries.length === 0) return Buffer.from(skeleton, "utf8");
  const { start, end } = cutElement(skeleton, "entry", `Atom feed ${doc.stem}`);
  return assemble(skeleton.slice(0, start), entries, ENTRY_SEPARATOR, skeleton.slice(end));
}

function finishFeed(root: Element, doc: FeedDocument): void {
  setXmlLang(root, doc.lang);
  setText(firstChild(root, "title", `feed ${doc.stem}`), doc.title);
  for (const subtitle of childElements(root, "subtitle")) setText(subtitle, doc.description);
  for (const link of childElements(root, "link")) {
    const rel = link.getAttribute("rel");
    if (rel === "self") link.setAttribute("type", "application/atom+xml");
    if (rel === "alternate") link.setAttribute("type", "text/html");
  }
  const firstEntry = childElements(root, "entry")[0] ?? null;
  const others: [string | undefined, string][] = [
    [doc.urls.rss, "application/rss+xml"],
    [doc.urls.json, "application/feed+json"],
  ];
  for (const [href, type] of others) {
    if (href) addElement(root, ATOM_NS, "link", { rel: "alternate", type, href }, undefined, firstEntry);
  }
}

function addTombstones(root: Element, doc: FeedDocument): void {
  if (doc.tombstones.length === 0) return;
  root.setAttributeNS(XMLNS_NS, "xmlns:at", TOMBSTONE_NS);
  const firstEntry = childElements(root, "entry")[0] ?? null;
  for (const t of doc.tombstones) {
    const el = addElement(
      root,
      TOMBSTONE_NS,
      "at:deleted-entry",
      { ref: t.ref, when: t.when },
      undefined,
      firstEntry,
    );
    // No atom:link inside: consumers that do not know tombstones (feedparser) take it for a feed link.
    addElement(el, TOMBSTONE_NS, "at:comment", {}, `${t.comment} (${t.link})`);
  }
}
