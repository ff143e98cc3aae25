import type { ArticleStatus } from "../../model.js";
import { html, type SafeHtml } from "../html.js";

/** `2025-10-24 10:35 UTC`: absolute and unambiguous; pages never guess the reader's zone. */
export function formatTime(iso: string | null): string {
  if (!iso) return "—";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export function timeTag(iso: string | null): SafeHtml {
  return iso ? html`<time datetime="${iso}">${formatTime(iso)}</time>` : html`—`;
}

export function statusBadge(status: ArticleStatus): SafeHtml {
  return html`<span class="status status-${status}">${status}</span>`;
}

export function tagLinks(tags: readonly string[]): SafeHtml {
  return html`${tags.map((tag) => html`<a class="tag" href="/?tag=${encodeURIComponent(tag)}">${tag}</a>`)}`;
}

export function labelList(labels: readonly string[]): SafeHtml {
  return html`${labels.map((label) => html`<span class="label">${label}</span>`)}`;
}

/** `+12 −3` words, with the minus sign readers expect. */
export function wordCounts(added: number, removed: number): SafeHtml {
  return html`<span class="plus">+${added}</span> <span class="minus">−${removed}</span>`;
}

/** Only http(s) links to originals: a stored URL is data from the web, never a `javascript:` href. */
export function safeHref(url: string): string {
  return /^https?:\/\//i.test(url) ? url : "#";
}
