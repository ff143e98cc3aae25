import { sanitizeFragment } from "../extract/sanitize.js";
import type { Paragraph } from "../model.js";
import { escapeHtml } from "./html.js";

/**
 * Article HTML is sanitized when extracted, and again here before display: the database is a file other
 * programs can write, and a page is where a missed `onerror` would run. The extractor's allowlist (no
 * scripts, styles, handlers or frames; http(s) links and images made absolute against the article URL).
 */
export function sanitizeForPage(markup: string, baseUrl: string): string {
  return sanitizeFragment(markup, baseUrl);
}

const BLOCK = /^\s*<(p|h[2-6]|ul|ol|blockquote|figure|table|pre)\b/i;

/** The paragraphs of a revision as display HTML: re-sanitized, each in a block element. */
export function displayParagraphs(paragraphs: readonly Paragraph[], baseUrl: string): string[] {
  return paragraphs
    .map((p) => (p.html.trim() === "" ? escapeHtml(p.text) : sanitizeForPage(p.html, baseUrl)))
    .filter((p) => p.trim() !== "")
    .map((p) => (BLOCK.test(p) ? p : `<p>${p}</p>`));
}
