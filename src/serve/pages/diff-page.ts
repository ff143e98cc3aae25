import type { Change } from "../../diff/index.js";
import type { Article, Revision } from "../../model.js";
import type { DiffLayout } from "../diff-port.js";
import { articleFeedLink } from "../feed-links.js";
import { html, trusted } from "../html.js";
import { labelList, safeHref, statusBadge, timeTag, wordCounts } from "./format.js";
import { type FeedLink, layout as pageLayout } from "./layout.js";

export interface DiffPageInput {
  article: Article;
  from: Revision;
  to: Revision;
  /** The highest revision number of the article, for the "next change" link. */
  latestSeq: number;
  change: Change;
  layout: DiffLayout;
  /** The diff engine's HTML for `layout`. */
  bodyHtml: string;
  siteFeeds: readonly FeedLink[];
}

function diffHref(articleId: number, from: number, to: number, layout: DiffLayout): string {
  const suffix = layout === "inline" ? "" : `&layout=${layout}`;
  return `/articles/${articleId}/diff?from=${from}&to=${to}${suffix}`;
}

/** `/articles/<id>/diff?from=N&to=M`: what changed between two revisions, with links along the history. */
export function renderDiffPage(input: DiffPageInput): string {
  const { article, from, to, change, layout } = input;
  const id = article.id;
  const previous = from.seq > 1 ? { from: from.seq - 1, to: from.seq } : null;
  const next = to.seq < input.latestSeq ? { from: to.seq, to: to.seq + 1 } : null;
  const other: DiffLayout = layout === "inline" ? "side-by-side" : "inline";
  const body = html`<p class="meta"><a href="/articles/${id}">← ${article.title || article.url}</a> · ${statusBadge(article.status)} · <a href="${safeHref(article.url)}" rel="noopener noreferrer">original</a></p>
<h1>Revision ${from.seq} → ${to.seq}</h1>
<p class="meta">${timeTag(from.observedAt)} → ${timeTag(to.observedAt)} · ${wordCounts(change.stats.wordsAdded, change.stats.wordsRemoved)} words · ${labelList(change.labels)}${change.minor ? html`<span class="label">minor (typography only)</span>` : ""}${change.title.changed ? "" : html` · <span class="muted">headline unchanged</span>`}</p>
<nav class="pager" aria-label="Changes">
<span>${previous ? html`<a rel="prev" href="${diffHref(id, previous.from, previous.to, layout)}">← previous change (${previous.from} → ${previous.to})</a>` : html`<span class="muted">first change</span>`}</span>
<span><strong>${layout === "inline" ? "Inline" : "Side by side"}</strong> · <a href="${diffHref(id, from.seq, to.seq, other)}">${other === "inline" ? "inline" : "side by side"}</a></span>
<span>${next ? html`<a rel="next" href="${diffHref(id, next.from, next.to, layout)}">next change (${next.from} → ${next.to}) →</a>` : html`<span class="muted">latest revision</span>`}</span>
</nav>
<div class="diff diff-${layout}">${trusted(input.bodyHtml)}</div>`;
  return pageLayout(
    {
      title: `Revision ${from.seq} → ${to.seq}: ${article.title || article.url}`,
      feeds: [...input.siteFeeds, articleFeedLink(id, article.title)],
    },
    body,
  );
}
