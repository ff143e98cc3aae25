import type { PublishConfig } from "../../config/schema.js";
import type { Article } from "../../model.js";
import { autodiscoveryLinks, feedLinksFor } from "../feed-links.js";
import { html } from "../html.js";
import { safeHref, statusBadge, tagLinks, timeTag } from "./format.js";
import { layout } from "./layout.js";

export interface IndexPageInput {
  articles: readonly Article[];
  tag: string | undefined;
  limit: number;
  feeds: readonly Pick<PublishConfig, "name" | "title">[];
}

/** `/`: tracked articles, newest change first, with status, tags, revision counts and subscribe links. */
export function renderIndexPage(input: IndexPageInput): string {
  const { articles, tag, feeds } = input;
  const subscribe =
    feeds.length === 0
      ? html`<p class="muted">No feeds are configured for publishing (see <code>publish</code> in the configuration).</p>`
      : feeds.map(
          (feed) =>
            html`<div class="feeds"><strong>${feed.title}</strong>${feedLinksFor(feed).map(
              (link) => html` <a href="${link.href}" type="${link.type}">${linkLabel(link.href)}</a>`,
            )}</div>`,
        );
  const rows = articles.map(
    (a) => html`<tr>
<td><a href="/articles/${a.id}">${a.title || a.url}</a><div class="meta">${a.sourceId}${a.lang ? ` · ${a.lang}` : ""} · <a href="${safeHref(a.url)}" rel="noopener noreferrer">original</a></div></td>
<td>${statusBadge(a.status)}</td>
<td>${tagLinks(a.tags)}</td>
<td class="num">${a.revisionCount > 1 ? html`<a href="/articles/${a.id}/diff">${a.revisionCount}</a>` : a.revisionCount}</td>
<td class="num">${timeTag(a.lastChangedAt ?? a.firstSeenAt)}</td>
</tr>`,
  );
  const body = html`<h1>${tag ? html`Articles tagged <span class="tag">${tag}</span>` : "Tracked articles"}</h1>
<section aria-label="Subscribe"><h2>Subscribe</h2>${subscribe}</section>
<form class="filter" method="get" action="/"><label>Tag <input name="tag" value="${tag ?? ""}" size="12"></label> <button type="submit">Filter</button>${tag ? html` <a href="/">show all</a>` : ""}</form>
${
  articles.length === 0
    ? html`<p class="muted">No articles${tag ? " with this tag" : ""} yet.</p>`
    : html`<table>
<thead><tr><th>Article</th><th>Status</th><th>Tags</th><th class="num">Revisions</th><th class="num">Last change</th></tr></thead>
<tbody>${rows}</tbody>
</table>${articles.length >= input.limit ? html`<p class="muted">Showing the ${input.limit} most recently changed; <a href="?${tag ? `tag=${encodeURIComponent(tag)}&` : ""}limit=${Math.min(input.limit * 5, 5000)}">show more</a>.</p>` : ""}`
}`;
  return layout({ title: tag ? `Tag ${tag}` : "Tracked articles", feeds: autodiscoveryLinks(feeds) }, body);
}

function linkLabel(href: string): string {
  const file = href.slice(href.lastIndexOf("/") + 1);
  const revisions = file.includes(".revisions.") ? "revisions " : "";
  return `${revisions}${file
    .slice(file.lastIndexOf(".") + 1)
    .replace("json", "JSON")
    .replace("atom", "Atom")
    .replace("rss", "RSS")}`;
}
