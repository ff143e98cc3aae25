import { html, type SafeHtml, trusted } from "../html.js";
import { STYLESHEET } from "./style.js";

/** A feed a page advertises for autodiscovery and subscription. */
export interface FeedLink {
  title: string;
  href: string;
  type: "application/atom+xml" | "application/rss+xml" | "application/feed+json";
}

export interface PageOptions {
  title: string;
  feeds?: readonly FeedLink[];
  /** Text of the top-right nav; pages add their own links. */
  nav?: SafeHtml;
}

/** The shared page shell: one inline stylesheet, feed autodiscovery links, no script. */
export function layout(options: PageOptions, body: SafeHtml): string {
  const alternates = (options.feeds ?? []).map(
    (feed) => html`
<link rel="alternate" type="${feed.type}" title="${feed.title}" href="${feed.href}">`,
  );
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${options.title} · revfeed</title>${alternates}
<style>${trusted(STYLESHEET)}</style>
</head>
<body>
<header class="site"><a class="home" href="/">revfeed</a><nav>${options.nav ?? ""}</nav></header>
<main>
${body}
</main>
<footer class="muted">revfeed keeps every revision of the stories it watches. Feeds: <a href="/">all articles</a> · <a href="/api/articles">JSON API</a></footer>
</body>
</html>
`.value;
}
