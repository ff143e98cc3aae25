import type { PublishConfig } from "../config/schema.js";
import type { FeedLink } from "./pages/layout.js";

/** Every file the publisher writes for one configured feed, as links under /feeds/. */
export function feedLinksFor(feed: Pick<PublishConfig, "name" | "title">): FeedLink[] {
  const base = `/feeds/${encodeURIComponent(feed.name)}`;
  return [
    { title: feed.title, href: `${base}.atom`, type: "application/atom+xml" },
    { title: `${feed.title} (RSS)`, href: `${base}.rss`, type: "application/rss+xml" },
    { title: `${feed.title} (JSON Feed)`, href: `${base}.json`, type: "application/feed+json" },
    { title: `${feed.title}: every revision`, href: `${base}.revisions.atom`, type: "application/atom+xml" },
    {
      title: `${feed.title}: every revision (RSS)`,
      href: `${base}.revisions.rss`,
      type: "application/rss+xml",
    },
    {
      title: `${feed.title}: every revision (JSON Feed)`,
      href: `${base}.revisions.json`,
      type: "application/feed+json",
    },
  ];
}

/** Autodiscovery in page heads: the Atom feed and its revisions feed for each configured feed. */
export function autodiscoveryLinks(feeds: readonly Pick<PublishConfig, "name" | "title">[]): FeedLink[] {
  return feeds.flatMap((feed) => feedLinksFor(feed).filter((link) => link.type === "application/atom+xml"));
}

/** The Atom feed of one article's revisions, written by the publisher as `articles/<id>.atom`. */
export function articleFeedLink(articleId: number, title: string): FeedLink {
  return {
    title: `${title}: revisions`,
    href: `/feeds/articles/${articleId}.atom`,
    type: "application/atom+xml",
  };
}
