import type { Element } from "@xmldom/xmldom";
import { Feed } from "feed";
import { cdataSafe } from "./content.js";
import type { FeedDocument } from "./document.js";
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
 * tombstones, which the schema requires before the first entry.
 */

export function renderAtom(doc: FeedDocument): string {
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
  for (const entry of doc.entries) {
    feed.addItem({
      id: entry.id,
      title: entry.title,
      link: entry.link,
      date: new Date(entry.updated),
      published: new Date(entry.published),
      content: cdataSafe(entry.contentHtml),
    });
  }
  const xml = parseXml(feed.atom1(), `Atom feed ${doc.stem}`);
  const root = xml.documentElement;
  if (!root) throw new Error(`publish: Atom feed ${doc.stem} has no root element`);
  finishFeed(root, doc);
  const entries = childElements(root, "entry");
  doc.entries.forEach((entry, i) => {
    const el = entries[i];
    if (!el) throw new Error(`publish: Atom feed ${doc.stem} lost entry ${entry.id}`);
    setText(firstChild(el, "title", `entry ${entry.id}`), entry.title);
    firstChild(el, "title", entry.id).removeAttribute("type");
    const alternate = firstChild(el, "link", `entry ${entry.id}`);
    alternate.setAttribute("rel", "alternate");
    alternate.setAttribute("type", "text/html");
    for (const link of entry.links) {
      addElement(el, ATOM_NS, "link", { rel: link.rel, type: link.type, href: link.href, title: link.title });
    }
    for (const c of entry.categories) addElement(el, ATOM_NS, "category", { term: c.term, label: c.label });
    setXmlLang(el, entry.lang);
  });
  addTombstones(root, doc);
  return serializeXml(xml);
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
