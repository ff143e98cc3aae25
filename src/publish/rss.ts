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
} from "./xml-dom.js";

/**
 * RSS 2.0 from `feed`, finished with the DOM: titles as escaped plain text (feed's CDATA is read as
 * HTML by some readers), categories added through the DOM (feed does not escape `<` in attributes).
 * `pubDate` is the entry's `updated` (RFC 822 via `toUTCString`): RSS has no separate update time.
 */

export function renderRss(doc: FeedDocument): string {
  const selfUrl = doc.urls.rss;
  if (!selfUrl) throw new Error(`publish: feed ${doc.stem} has no RSS URL`);
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
  for (const entry of doc.entries) {
    feed.addItem({
      id: entry.id,
      title: entry.title,
      link: entry.link,
      date: new Date(entry.updated),
      description: cdataSafe(entry.contentHtml),
    });
  }
  const xml = parseXml(feed.rss2(), `RSS feed ${doc.stem}`);
  const root = xml.documentElement;
  if (!root) throw new Error(`publish: RSS feed ${doc.stem} has no root element`);
  const channel = firstChild(root, "channel", `RSS feed ${doc.stem}`);
  setText(firstChild(channel, "title", `RSS feed ${doc.stem}`), doc.title);
  setText(firstChild(channel, "description", `RSS feed ${doc.stem}`), doc.description);
  const items = childElements(channel, "item");
  doc.entries.forEach((entry, i) => {
    const item = items[i];
    if (!item) throw new Error(`publish: RSS feed ${doc.stem} lost item ${entry.id}`);
    setText(firstChild(item, "title", `item ${entry.id}`), entry.title);
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
  });
  return serializeXml(xml);
}
