import type { ChangeLabel } from "../model.js";
import type { PublishArticle, PublishRevision, PublishSite } from "./input.js";
import { articlePageUrl, diffPageUrl, sourcePageUrl } from "./links.js";
import { cleanText, escapeHtml, sanitizeForFeed } from "./sanitize.js";

/**
 * The HTML and plain-text pieces of entries: titles that say what changed, status lines, diffs first
 * (readers collapse near-duplicates, so a revision must lead with its change), texts and histories.
 * Diff markup keeps its inline styles and visible markers because readers strip classes and `<style>`.
 */

const LABEL_WORDS: Record<ChangeLabel, string> = {
  new: "new",
  headline: "headline changed",
  lead: "lead changed",
  appended: "appended",
  inserted: "inserted",
  "removed-text": "text removed",
  correction: "correction",
  typography: "typography",
  "marker-removed": "developing marker removed",
  revert: "revert",
};

/** `3 Nov 2025 10:35 UTC`: readable in every language revfeed serves, independent of the host locale. */
export function humanTime(iso: string): string {
  const d = new Date(iso);
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getUTCDate()} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

function wordCounts(rev: PublishRevision): string {
  const parts: string[] = [];
  if (rev.wordsAdded > 0) parts.push(`+${rev.wordsAdded}`);
  if (rev.wordsRemoved > 0) parts.push(`\u2212${rev.wordsRemoved}`);
  return parts.length > 0 ? `${parts.join(" ")} words` : "";
}

/** What a revision did, in a few words: `appended +120 words`, `reverted to rev 2`, `article removed`. */
export function changeSummary(rev: PublishRevision): string {
  if (rev.event === "removed") return "article removed";
  const words: string[] = [];
  if (rev.event === "revert" && rev.revertOf !== null) words.push(`reverted to rev ${rev.revertOf}`);
  for (const label of rev.labels) {
    if (label === "revert" && rev.event === "revert") continue;
    words.push(LABEL_WORDS[label]);
  }
  if (words.length === 0) words.push(rev.minor ? "typography" : "changed");
  const counts = rev.labels.includes("new") ? "" : wordCounts(rev);
  return [words.join(", "), counts].filter((s) => s !== "").join(" ");
}

export function revisionTitle(article: PublishArticle, rev: PublishRevision): string {
  const headline = cleanText(rev.title) || cleanText(article.title);
  return `[rev ${rev.seq} \u00b7 ${changeSummary(rev)}] ${headline}`;
}

export function statusLine(article: PublishArticle): string {
  switch (article.status) {
    case "developing":
      return "Developing story: the source still marks it as being updated";
    case "removed":
      return `Removed: the source page disappeared${article.removedAt ? ` (${humanTime(article.removedAt)})` : ""}`;
    case "final":
      return "Final: the developing marker is gone";
    case "stopped":
      return "No longer watched";
    default:
      return "Watching for changes";
  }
}

/** The newest revision that carries text (a `removed` event carries none). */
export function latestTextRevision(article: PublishArticle, atOrBefore = Number.POSITIVE_INFINITY) {
  return article.revisions.find(
    (r) => r.seq <= atOrBefore && r.event !== "removed" && r.paragraphsHtml.length > 0,
  );
}

/**
 * A revision's sanitized text and diff, per revision object and page URL (the base of relative links):
 * a caller that hands the same revision objects to every publish (revisions never change once stored)
 * has them sanitized once, however many entries, documents and article snapshots show them.
 */
const cleaned = new WeakMap<PublishRevision, { url: string; text?: string; diff?: string }>();

function cleanedFor(article: PublishArticle, rev: PublishRevision) {
  let found = cleaned.get(rev);
  if (found?.url !== article.url) {
    found = { url: article.url };
    cleaned.set(rev, found);
  }
  return found;
}

/**
 * Forgets what was sanitized for these articles' revisions. A long-running caller's snapshots live on
 * between publishes while the feeds keep their entries rendered (entries.ts): the sanitized texts would
 * only be a second and third copy of every shown revision. Needed again (rarely), they are made again.
 */
export function forgetCleaned(articles: readonly PublishArticle[]): void {
  for (const article of articles) for (const rev of article.revisions) cleaned.delete(rev);
}

export function articleTextHtml(article: PublishArticle, rev: PublishRevision | undefined): string {
  if (!rev) return "";
  const memo = cleanedFor(article, rev);
  memo.text ??= rev.paragraphsHtml
    .map((p) => sanitizeForFeed(p, article.url))
    .filter((p) => p.trim() !== "")
    .map((p) => (/^\s*<(p|h[2-6]|ul|ol|blockquote|figure|table|pre)\b/i.test(p) ? p : `<p>${p}</p>`))
    .join("\n");
  return memo.text;
}

export function diffHtml(article: PublishArticle, rev: PublishRevision): string {
  const memo = cleanedFor(article, rev);
  memo.diff ??= sanitizeForFeed(rev.diffHtml, article.url, { diffStyles: true });
  return memo.diff;
}

function historyItem(site: PublishSite, article: PublishArticle, rev: PublishRevision): string {
  const diffLink = `<a href="${escapeHtml(diffPageUrl(site, article.id, rev.seq))}">${rev.seq > 1 ? "diff" : "first version"}</a>`;
  const flags = [rev.minor ? "minor" : "", rev.developing ? "developing" : ""].filter((s) => s !== "");
  return `<li>rev ${rev.seq} \u00b7 ${escapeHtml(humanTime(rev.observedAt))} \u00b7 ${escapeHtml(changeSummary(rev))}${
    flags.length > 0 ? ` (${flags.join(", ")})` : ""
  } \u00b7 ${diffLink}</li>`;
}

export function historyHtml(site: PublishSite, article: PublishArticle): string {
  if (article.revisions.length === 0) return "";
  const items = article.revisions.map((r) => historyItem(site, article, r)).join("\n");
  return `<h3>Revision history</h3>\n<ol reversed>\n${items}\n</ol>`;
}

/** Shorter items are cheaper to encode again than to look up. */
const SHARED_PART_LENGTH = 512;

/**
 * An entry's content as the strings it is made of, `items` joined by line breaks: each long item (a
 * revision's sanitized text or diff, the very string every entry showing that revision gets, see
 * cleanedFor) is a part of its own, and the short ones between are merged. Renderers encode such parts
 * once for all the entries that show them (content-runs.ts): a story's current-state entry and its latest
 * revision's entry hold the same text and diff.
 */
function contentParts(items: string[]): string[] {
  const parts: string[] = [];
  let pending = "";
  for (const item of items) {
    if (item === "") continue;
    if (parts.length > 0 || pending !== "") pending += "\n";
    if (item.length < SHARED_PART_LENGTH) {
      pending += item;
      continue;
    }
    if (pending !== "") parts.push(pending);
    parts.push(item);
    pending = "";
  }
  if (pending !== "") parts.push(pending);
  return parts;
}

/** Current-state entry: status, latest change as a diff, latest text, then the whole history. */
export function currentStateParts(site: PublishSite, article: PublishArticle): string[] {
  const latest = article.revisions[0];
  const items = [`<p><strong>Status:</strong> ${escapeHtml(statusLine(article))}</p>`];
  if (latest && latest.seq > 1) {
    items.push(
      `<h3>Latest change: rev ${latest.seq} \u00b7 ${escapeHtml(humanTime(latest.observedAt))} \u00b7 ${escapeHtml(changeSummary(latest))}</h3>`,
      diffHtml(article, latest),
    );
  }
  items.push(`<h3>Text</h3>`, articleTextHtml(article, latestTextRevision(article)));
  items.push(historyHtml(site, article));
  items.push(`<p><a href="${escapeHtml(sourcePageUrl(site, article))}">Source page</a></p>`);
  return contentParts(items);
}

/** Revision entry: the change first, then the full text of that revision, then where to see more. */
export function revisionParts(site: PublishSite, article: PublishArticle, rev: PublishRevision): string[] {
  const items = [
    `<p><strong>Rev ${rev.seq}</strong> \u00b7 ${escapeHtml(humanTime(rev.observedAt))} \u00b7 ${escapeHtml(changeSummary(rev))}</p>`,
  ];
  if (rev.event === "removed") {
    items.push(`<p><strong>The article was removed from the source page.</strong></p>`);
    items.push(`<h3>Last known text</h3>`, articleTextHtml(article, latestTextRevision(article, rev.seq)));
  } else {
    if (rev.seq > 1) items.push(`<h3>Change</h3>`, diffHtml(article, rev));
    items.push(`<h3>Text</h3>`, articleTextHtml(article, rev));
  }
  items.push(
    `<p><a href="${escapeHtml(diffPageUrl(site, article.id, rev.seq))}">${rev.seq > 1 ? "Diff page" : "Revision page"}</a> \u00b7 <a href="${escapeHtml(articlePageUrl(site, article.id))}">All revisions</a> \u00b7 <a href="${escapeHtml(sourcePageUrl(site, article))}">Source page</a></p>`,
  );
  return contentParts(items);
}
