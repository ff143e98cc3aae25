import type { Element } from "@xmldom/xmldom";
import { Feed } from "feed";
import { addAtomItem, atomEntries } from "./atom-entry.js";
import { EMPTY_FEED_UPDATED, type FeedDocument } from "./document.js";
import type { KnownEntries } from "./entry-render.js";
import { skeletonRenderer } from "./skeleton.js";
import { type Assembled, assemble } from "./splice.js";
import { LINK_MARKER, marker, type TemplateField, UPDATED_MARKER, urlValue } from "./templates.js";
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
 * tombstones, which the schema requires before the first entry. Entries (atom-entry.ts) and the document
 * around them are rendered from templates that `feed` and the DOM make, and assembled (see splice.ts).
 */

/** What `feed` writes between two entries (xml-js, four-space indentation). */
const ENTRY_SEPARATOR = "\n    ";

/** The document with no entries, or with one stand-in entry that marks where they go. */
export function skeletonWithDom(doc: FeedDocument, standIn: boolean): string {
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
  const slot = { id: "urn:revfeed:slot", link: "https://slot.invalid/", updated: EMPTY_FEED_UPDATED };
  if (standIn) addAtomItem(feed, { ...slot, published: EMPTY_FEED_UPDATED }, false);
  const xml = parseXml(feed.atom1(), `Atom feed ${doc.stem}`);
  const root = xml.documentElement;
  if (!root) throw new Error(`publish: Atom feed ${doc.stem} has no root element`);
  finishFeed(root, doc);
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

const SELF_MARKER = "https://self.x-revfeed.invalid/";
const HUB_MARKER = "https://hub.x-revfeed.invalid/";
/** xml-js writes plain text after turning `&amp;` into `&` ("desanitizing"); empty text is written apart. */
const asText = (s: string) => (s === "" ? null : s.replace(/&amp;/g, "&"));

const text = (name: string, value: (d: FeedDocument) => string | null): TemplateField<FeedDocument> => ({
  marker: marker(name),
  escape: "text",
  value,
});
const attr = (
  name: string,
  value: (d: FeedDocument) => string | null | undefined,
): TemplateField<FeedDocument> => ({
  marker: marker(name),
  escape: "attr",
  value: (d) => value(d) ?? null,
});

function markers(doc: FeedDocument): { doc: FeedDocument; fields: TemplateField<FeedDocument>[] } {
  const comment = (i: number) => `${marker(`comment${i}`)} (-)`;
  const fields: TemplateField<FeedDocument>[] = [
    text("id", (d) => asText(d.id)),
    text("title", (d) => (d.title === "" ? null : d.title)),
    { marker: UPDATED_MARKER, escape: "raw", value: (d) => new Date(d.updated).toISOString() },
    // `feed` escapes `&` in the generator before xml-js undoes it: the value goes through unchanged.
    text("generator", (d) => (d.generator === "" ? null : d.generator)),
    text("author", (d) => asText(d.authorName)),
    { marker: LINK_MARKER, escape: "attr", value: (d) => urlValue(d.homePage) },
    { marker: SELF_MARKER, escape: "attr", value: (d) => urlValue(d.urls.atom) },
    ...(doc.hub
      ? [{ marker: HUB_MARKER, escape: "attr" as const, value: (d: FeedDocument) => urlValue(d.hub ?? "") }]
      : []),
    ...(doc.description ? [text("subtitle", (d) => d.description)] : []),
    ...(doc.lang ? [attr("lang", (d) => d.lang)] : []),
    ...(doc.urls.rss ? [attr("rss", (d) => d.urls.rss)] : []),
    ...(doc.urls.json ? [attr("json", (d) => d.urls.json)] : []),
    ...doc.tombstones.flatMap((_, i): TemplateField<FeedDocument>[] => [
      attr(`ref${i}`, (d) => d.tombstones[i]?.ref),
      attr(`when${i}`, (d) => d.tombstones[i]?.when),
      {
        marker: comment(i),
        escape: "text",
        value: (d) => {
          const t = d.tombstones[i];
          return t ? `${t.comment} (${t.link})` : null;
        },
      },
    ]),
  ];
  const marked: FeedDocument = {
    ...doc,
    id: marker("id"),
    title: marker("title"),
    description: doc.description ? marker("subtitle") : "",
    lang: doc.lang ? marker("lang") : null,
    updated: UPDATED_MARKER,
    urls: {
      atom: SELF_MARKER,
      ...(doc.urls.rss ? { rss: marker("rss") } : {}),
      ...(doc.urls.json ? { json: marker("json") } : {}),
    },
    homePage: LINK_MARKER,
    hub: doc.hub ? HUB_MARKER : null,
    generator: marker("generator"),
    authorName: marker("author"),
    entries: [],
    tombstones: doc.tombstones.map((_, i) => ({
      ref: marker(`ref${i}`),
      when: marker(`when${i}`),
      comment: marker(`comment${i}`),
      link: "-",
    })),
  };
  return { doc: marked, fields };
}

const skeleton = skeletonRenderer({
  kind: "Atom feed",
  element: "entry",
  shape: (d) =>
    [
      d.hub ? "h" : "-",
      d.description ? "d" : "-",
      d.lang ? "l" : "-",
      d.urls.rss ? "r" : "-",
      d.urls.json ? "j" : "-",
      d.tombstones.length,
    ].join(""),
  markers,
  dom: skeletonWithDom,
});

export function renderAtom(doc: FeedDocument): Buffer[] {
  return layOutAtom(doc).bytes;
}

/**
 * The document's bytes and where each entry sits in them. `known`: entries whose bytes are known already
 * (an article feed's unchanged revisions).
 */
export function layOutAtom(doc: FeedDocument, known?: KnownEntries): Assembled {
  const entries = atomEntries(doc.entries, known);
  const { head, tail } = skeleton(doc, entries.length > 0);
  if (entries.length === 0) return { bytes: [Buffer.from(head, "utf8")], entryRanges: [] };
  return assemble(head, entries, ENTRY_SEPARATOR, tail);
}
