import { Feed } from "feed";
import { EMPTY_FEED_UPDATED, type FeedDocument } from "./document.js";
import { addRssItem, rssItems } from "./rss-item.js";
import { skeletonRenderer } from "./skeleton.js";
import { assemble } from "./splice.js";
import { LINK_MARKER, marker, type TemplateField, UPDATED_MARKER, urlValue } from "./templates.js";
import { firstChild, parseXml, serializeXml, setText } from "./xml-dom.js";

/**
 * RSS 2.0 from `feed`, finished with the DOM: titles as escaped plain text (feed's CDATA is read as
 * HTML by some readers), categories added through the DOM (feed does not escape `<` in attributes).
 * `pubDate` is the entry's `updated` (RFC 822 via `toUTCString`): RSS has no separate update time.
 * Items (rss-item.ts) and the channel around them come from templates, as Atom's do (atom.ts).
 */

/** What `feed` writes between two items (xml-js, four-space indentation, items at depth two). */
const ITEM_SEPARATOR = "\n        ";

/** The channel with no items, or with one stand-in item that marks where they go. */
export function skeletonWithDom(doc: FeedDocument, standIn: boolean): string {
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
  if (standIn)
    addRssItem(
      feed,
      { id: "urn:revfeed:slot", link: "https://slot.invalid/", updated: EMPTY_FEED_UPDATED },
      false,
    );
  const xml = parseXml(feed.rss2(), `RSS feed ${doc.stem}`);
  const root = xml.documentElement;
  if (!root) throw new Error(`publish: RSS feed ${doc.stem} has no root element`);
  const channel = firstChild(root, "channel", `RSS feed ${doc.stem}`);
  setText(firstChild(channel, "title", `RSS feed ${doc.stem}`), doc.title);
  setText(firstChild(channel, "description", `RSS feed ${doc.stem}`), doc.description);
  return serializeXml(xml);
}

const SELF_MARKER = "https://self.x-revfeed.invalid/";
const HUB_MARKER = "https://hub.x-revfeed.invalid/";
/** xml-js writes plain text after turning `&amp;` into `&` ("desanitizing"); empty text is written apart. */
const asText = (s: string) => (s === "" ? null : s.replace(/&amp;/g, "&"));

function markers(doc: FeedDocument): { doc: FeedDocument; fields: TemplateField<FeedDocument>[] } {
  const fields: TemplateField<FeedDocument>[] = [
    { marker: marker("title"), escape: "text", value: (d) => (d.title === "" ? null : d.title) },
    { marker: LINK_MARKER, escape: "text", value: (d) => urlValue(d.homePage) },
    { marker: marker("description"), escape: "text", value: (d) => d.description },
    {
      marker: new Date(UPDATED_MARKER).toUTCString(),
      escape: "raw",
      value: (d) => new Date(d.updated).toUTCString(),
    },
    { marker: marker("generator"), escape: "text", value: (d) => asText(d.generator) },
    { marker: SELF_MARKER, escape: "attr", value: (d) => urlValue(d.urls.rss ?? "") },
    ...(doc.hub
      ? [{ marker: HUB_MARKER, escape: "attr" as const, value: (d: FeedDocument) => urlValue(d.hub ?? "") }]
      : []),
    ...(doc.lang
      ? [
          {
            marker: marker("lang"),
            escape: "text" as const,
            value: (d: FeedDocument) => asText(d.lang ?? ""),
          },
        ]
      : []),
  ];
  const marked: FeedDocument = {
    ...doc,
    title: marker("title"),
    homePage: LINK_MARKER,
    description: marker("description"),
    updated: UPDATED_MARKER,
    generator: marker("generator"),
    urls: { ...doc.urls, rss: SELF_MARKER },
    hub: doc.hub ? HUB_MARKER : null,
    lang: doc.lang ? marker("lang") : null,
    entries: [],
  };
  return { doc: marked, fields };
}

const skeleton = skeletonRenderer({
  kind: "RSS feed",
  element: "item",
  shape: (d) => [d.hub ? "h" : "-", d.lang ? "l" : "-"].join(""),
  markers,
  dom: skeletonWithDom,
});

export function renderRss(doc: FeedDocument): Buffer[] {
  if (!doc.urls.rss) throw new Error(`publish: feed ${doc.stem} has no RSS URL`);
  const items = rssItems(doc.entries);
  const { head, tail } = skeleton(doc, items.length > 0);
  if (items.length === 0) return [Buffer.from(head, "utf8")];
  return assemble(head, items, ITEM_SEPARATOR, tail).bytes;
}
