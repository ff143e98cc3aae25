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
} from "./xml-dom.js";

/**
 * RSS 2.0 from `feed`, finished with the DOM: titles as escaped plain text (feed's CDATA is read as
 * HTML by some readers), categories added through the DOM (feed does not escape `<` in attributes).
 * `pubDate` is the entry's `updated` (RFC 822 via `toUTCString`): RSS has no separate update time.
 * Items are rendered once per entry object and spliced into each channel, as Atom entries are.
 */

/** What `feed` writes between two items (xml-js, four-space indentation, items at depth two). */
const ITEM_SEPARATOR = "\n        ";

const rendered = new WeakMap<FeedEntry, Buffer>();

function addItem(feed: Feed, entry: Pick<FeedEntry, "id" | "link" | "updated">, withContent: boolean): void {
  feed.addItem({
    id: entry.id,
    // Replaced by a text node: `feed` would write it as CDATA, which breaks on a second `]]>`.
    title: "-",
    link: entry.link,
    date: new Date(entry.updated),
    ...(withContent ? { description: CONTENT_SLOT } : {}),
  });
}

/** Each entry's `<item>` element, serialized as it appears in any channel. */
export function rssItems(entries: FeedEntry[]): Buffer[] {
  return entryElements(entries, rendered, "item", "RSS item", (missing, withContent) => {
    // A self link makes `feed` declare the `atom` prefix on the root, as every real channel has it.
    const feed = new Feed({
      id: "urn:revfeed:items",
      title: "",
      feed: "https://revfeed.invalid/items.rss",
      updated: new Date(EMPTY_FEED_UPDATED),
      generator: false,
    });
    for (const [i, entry] of missing.entries()) addItem(feed, entry, withContent[i] === true);
    const xml = parseXml(feed.rss2(), "RSS items");
    const channel = xml.documentElement && childElements(xml.documentElement, "channel")[0];
    const items = channel ? childElements(channel, "item") : [];
    if (items.length !== missing.length) throw new Error("publish: RSS items were not all rendered");
    for (const [i, entry] of missing.entries()) finishItem(items[i] as Element, entry);
    return serializeXml(xml);
  });
}

function finishItem(item: Element, entry: FeedEntry): void {
  setText(firstChild(item, "title", `RSS item ${entry.id}`), entry.title);
  for (const c of entry.categories) addElement(item, null, "category", {}, c.label);
  // RSS has no link relations of its own; Atom's, in the namespace feed already declares for `self`.
  for (const link of entry.links.filter((l) => l.rel === "related")) {
    addElement(item, ATOM_NS, "atom:link", {
      rel: link.rel,
      type: link.type,
      href: link.href,
      title: link.title,
    });
  }
}

export function renderRss(doc: FeedDocument): Buffer {
  const selfUrl = doc.urls.rss;
  if (!selfUrl) throw new Error(`publish: feed ${doc.stem} has no RSS URL`);
  const items = rssItems(doc.entries);
  const feed = new Feed({
    id: doc.id,
    title: doc.title,
    updated: new Date(doc.updated),
    generator: doc.generator,
    link: doc.homePage,
    feed: selfUrl,
    ...(doc.hub ? { hub: doc.hub } : {}),
    description: doc.description,
    ...(doc.lang ? { language: doc.lang } : {}),
  });
  // One stand-in item marks where the items go.
  if (items.length > 0)
    addItem(feed, { id: "urn:revfeed:slot", link: doc.homePage, updated: doc.updated }, false);
  const xml = parseXml(feed.rss2(), `RSS feed ${doc.stem}`);
  const root = xml.documentElement;
  if (!root) throw new Error(`publish: RSS feed ${doc.stem} has no root element`);
  const channel = firstChild(root, "channel", `RSS feed ${doc.stem}`);
  setText(firstChild(channel, "title", `RSS feed ${doc.stem}`), doc.title);
  setText(firstChild(channel, "description", `RSS feed ${doc.stem}`), doc.description);
  const skeleton = serializeXml(xml);
  if (items.length === 0) return Buffer.from(skeleton, "utf8");
  const { start, end } = cutElement(skeleton, "item", `RSS feed ${doc.stem}`);
  return assemble(skeleton.slice(0, start), items, ITEM_SEPARATOR, skeleton.slice(end));
}
