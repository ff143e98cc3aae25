import { Feed } from "feed";
import type { FeedDocument } from "./document.js";

/**
 * JSON Feed 1.1 (https://jsonfeed.org/version/1.1). `feed` writes version 1 with the old singular
 * `author`; its output is upgraded here: `version`, `language`, `authors`, item `language`/`authors`,
 * `tags` from category labels, `hubs` for WebSub, `external_url` for the source page.
 */

interface JsonItem {
  id: string;
  url?: string;
  external_url?: string;
  title?: string;
  summary?: string;
  content_html?: string;
  date_published?: string;
  date_modified?: string;
  tags?: string[];
  language?: string;
  [key: string]: unknown;
}

export function renderJson(doc: FeedDocument): string {
  const feedUrl = doc.urls.json;
  if (!feedUrl) throw new Error(`publish: feed ${doc.stem} has no JSON URL`);
  const feed = new Feed({
    id: doc.id,
    title: doc.title,
    updated: new Date(doc.updated),
    link: doc.homePage,
    feedLinks: { json: feedUrl },
    description: doc.description,
  });
  for (const entry of doc.entries) {
    feed.addItem({
      id: entry.id,
      title: entry.title,
      link: entry.link,
      date: new Date(entry.updated),
      published: new Date(entry.published),
      content: entry.contentHtml,
      category: entry.categories.map((c) => ({ name: c.label, term: c.term })),
    });
  }
  const v1 = JSON.parse(feed.json1()) as { items: JsonItem[]; [key: string]: unknown };
  const items = v1.items.map((item, i) => {
    const entry = doc.entries[i];
    if (!entry || entry.id !== item.id)
      throw new Error(`publish: JSON feed ${doc.stem} lost item ${entry?.id}`);
    const via = entry.links.find((l) => l.rel === "via");
    return {
      id: item.id,
      url: item.url,
      ...(via ? { external_url: via.href } : {}),
      title: item.title,
      summary: entry.summary,
      content_html: item.content_html,
      date_published: item.date_published,
      date_modified: item.date_modified,
      ...(item.tags && item.tags.length > 0 ? { tags: item.tags } : {}),
      ...(entry.lang ? { language: entry.lang } : {}),
      authors: [{ name: doc.authorName }],
    };
  });
  const v11 = {
    version: "https://jsonfeed.org/version/1.1",
    title: doc.title,
    home_page_url: doc.homePage,
    feed_url: feedUrl,
    description: doc.description,
    ...(doc.lang ? { language: doc.lang } : {}),
    authors: [{ name: doc.authorName }],
    ...(doc.hub ? { hubs: [{ type: "WebSub", url: doc.hub }] } : {}),
    items,
  };
  return `${JSON.stringify(v11, null, 2)}\n`;
}
