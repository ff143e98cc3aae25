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
} from "./xml-dom.js";

/**
 * One RSS 2.0 `<item>` from `feed`, finished with the DOM: the title as escaped plain text (feed's CDATA
 * is read as HTML by some readers), categories added through the DOM (feed does not escape `<` in
 * attributes), and Atom's `related` link, since RSS has no link relations of its own.
 */

export function addRssItem(
  feed: Feed,
  entry: Pick<FeedEntry, "id" | "link" | "updated">,
  withContent: boolean,
): void {
  feed.addItem({
    id: entry.id,
    // Replaced by a text node: `feed` would write it as CDATA, which breaks on a second `]]>`.
    title: "-",
    link: entry.link,
    date: new Date(entry.updated),
    ...(withContent ? { description: CONTENT_SLOT } : {}),
  });
}

const related = (e: FeedEntry) => e.links.filter((l) => l.rel === "related");

function finishItem(item: Element, entry: FeedEntry): void {
  setText(firstChild(item, "title", `RSS item ${entry.id}`), entry.title);
  for (const c of entry.categories) addElement(item, null, "category", {}, c.label);
  // In the Atom namespace, which feed declares on the root for the channel's `self` link.
  for (const link of related(entry)) {
    addElement(item, ATOM_NS, "atom:link", {
      rel: link.rel,
      type: link.type,
      href: link.href,
      title: link.title,
    });
  }
}

/** The items in one `feed` channel, finished, serialized. */
export function rssItemsWithDom(entries: FeedEntry[], withContent: boolean[]): string {
  // A self link makes `feed` declare the `atom` prefix on the root, as every real channel has it.
  const feed = new Feed({
    id: "urn:revfeed:items",
    title: "",
    feed: "https://revfeed.invalid/items.rss",
    updated: new Date(EMPTY_FEED_UPDATED),
    generator: false,
  });
  for (const [i, entry] of entries.entries()) addRssItem(feed, entry, withContent[i] === true);
  const xml = parseXml(feed.rss2(), "RSS items");
  const channel = xml.documentElement && childElements(xml.documentElement, "channel")[0];
  const items = channel ? childElements(channel, "item") : [];
  if (items.length !== entries.length) throw new Error("publish: RSS items were not all rendered");
  for (const [i, entry] of entries.entries()) finishItem(items[i] as Element, entry);
  return serializeXml(xml);
}

const attr = attrField<FeedEntry>;

/** An item of `e`'s shape with a marker for every value, and the fields that fill them. */
function markers(e: FeedEntry): { entry: FeedEntry; fields: TemplateField<FeedEntry>[] } {
  const links = related(e);
  const fields: TemplateField<FeedEntry>[] = [
    { marker: marker("title"), escape: "text", value: (x) => x.title },
    { marker: LINK_MARKER, escape: "text", value: (x) => urlValue(x.link) },
    // `feed` writes the guid as text, turning `&amp;` into `&` first (xml-js "desanitizes" text).
    { marker: ID_MARKER, escape: "text", value: (x) => x.id.replace(/&amp;/g, "&") },
    {
      marker: new Date(UPDATED_MARKER).toUTCString(),
      escape: "raw",
      value: (x) => new Date(x.updated).toUTCString(),
    },
    ...(e.contentHtml !== "" ? [contentField()] : []),
    ...e.categories.map(
      (_, i): TemplateField<FeedEntry> => ({
        marker: marker(`label${i}`),
        escape: "text",
        value: (x) => x.categories[i]?.label ?? null,
      }),
    ),
    // `rel` is `related` by selection: it is part of the template.
    ...links.flatMap((l, i) => [
      attr(`type${i}`, (x) => related(x)[i]?.type),
      attr(`href${i}`, (x) => related(x)[i]?.href),
      ...(l.title === undefined ? [] : [attr(`title${i}`, (x) => related(x)[i]?.title)]),
    ]),
  ];
  const entry: FeedEntry = {
    id: ID_MARKER,
    title: marker("title"),
    link: LINK_MARKER,
    links: links.map(
      (l, i): FeedLink => ({
        rel: "related",
        type: marker(`type${i}`),
        href: marker(`href${i}`),
        ...(l.title === undefined ? {} : { title: marker(`title${i}`) }),
      }),
    ),
    published: UPDATED_MARKER,
    updated: UPDATED_MARKER,
    summary: "",
    contentHtml: e.contentHtml !== "" ? "-" : "",
    categories: e.categories.map((_, i) => ({ term: "-", label: marker(`label${i}`) })),
    lang: null,
  };
  return { entry, fields };
}

/** Each entry's `<item>` element, serialized as it appears in any channel. */
export const rssItems = entryRenderer({
  kind: "RSS item",
  element: "item",
  shape: (e) =>
    [
      e.contentHtml !== "" ? "c" : "-",
      related(e)
        .map((l) => (l.title === undefined ? "-" : "t"))
        .join(""),
      e.categories.length,
    ].join("|"),
  markers,
  dom: rssItemsWithDom,
});
