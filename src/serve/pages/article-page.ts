import type { Article, ArticleEvent, Revision } from "../../model.js";
import { articleFeedLink } from "../feed-links.js";
import { html, type SafeHtml, trusted } from "../html.js";
import { revisionChart } from "./chart.js";
import { labelList, safeHref, statusBadge, tagLinks, timeTag, wordCounts } from "./format.js";
import type { FeedLink } from "./layout.js";
import { layout } from "./layout.js";

export interface ArticlePageInput {
  article: Article;
  revisions: readonly Revision[];
  events: readonly ArticleEvent[];
  /** Paragraph HTML of the latest revision, already re-sanitized for display. */
  latestHtml: readonly string[];
  siteFeeds: readonly FeedLink[];
}

/** `/articles/<id>`: the article, its revision timeline with a chart, and the latest text. */
export function renderArticlePage(input: ArticlePageInput): string {
  const { article, revisions, events } = input;
  const latest = revisions.at(-1);
  const feed = articleFeedLink(article.id, article.title);
  const timeline = [...revisions].reverse().map(
    (r) => html`<tr id="rev-${r.seq}">
<td class="num">${r.seq}</td>
<td>${timeTag(r.observedAt)}</td>
<td>${r.seq === 1 ? html`<span class="label">first seen</span>` : labelList(r.labels)}${r.minor ? html`<span class="label">minor</span>` : ""}${r.developing ? html`<span class="label">developing</span>` : ""}${r.event === "revert" ? html`<span class="label">reverts to ${r.revertOf ?? "?"}</span>` : ""}</td>
<td class="num">${r.seq === 1 ? "" : wordCounts(r.wordsAdded, r.wordsRemoved)}</td>
<td>${r.seq > 1 ? html`<a href="/articles/${article.id}/diff?from=${r.seq - 1}&amp;to=${r.seq}">diff with ${r.seq - 1}</a>` : ""}</td>
</tr>`,
  );
  const eventRows = events.map(
    (e) => html`<li>${timeTag(e.at)} <span class="label">${e.kind}</span> ${e.detail ?? ""}</li>`,
  );
  const body = html`<h1>${article.title || article.url}</h1>
<p class="meta">${statusBadge(article.status)} ${tagLinks(article.tags)} · ${article.sourceId}${article.lang ? ` · ${article.lang}` : ""} · published ${timeTag(article.publishedAt)} · first seen ${timeTag(article.firstSeenAt)} · <a href="${safeHref(article.url)}" rel="noopener noreferrer">original</a> · <a href="${feed.href}" type="${feed.type}">revisions feed</a> · <a href="/api/articles/${article.id}">JSON</a></p>
${latest && revisions.length > 1 ? html`<p><a href="/articles/${article.id}/diff">Latest change (revision ${latest.seq - 1} → ${latest.seq})</a> · <a href="/articles/${article.id}/diff?from=1&amp;to=${latest.seq}">all changes since first seen (1 → ${latest.seq})</a></p>` : ""}
<h2>Revisions (${revisions.length})</h2>
${revisionChart(revisions)}
<table class="timeline">
<thead><tr><th class="num">#</th><th>Observed</th><th>Change</th><th class="num">Words</th><th></th></tr></thead>
<tbody>${timeline}</tbody>
</table>
${events.length > 0 ? html`<h2>Events</h2><ul>${eventRows}</ul>` : ""}
<h2>Latest text${latest ? html` <span class="muted">(revision ${latest.seq}, ${timeTag(latest.observedAt)})</span>` : ""}</h2>
${latest ? latestText(latest, input.latestHtml, article.lang) : html`<p class="muted">Not fetched yet.</p>`}`;
  return layout({ title: article.title || article.url, feeds: [...input.siteFeeds, feed] }, body);
}

function latestText(latest: Revision, paragraphs: readonly string[], lang: string | null): SafeHtml {
  return html`<article class="text"${lang ? html` lang="${lang}"` : ""}><h3>${latest.title}</h3>${paragraphs.map((p) => trusted(p))}</article>`;
}
