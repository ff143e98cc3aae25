import type { Paragraph } from "../model.js";
import { decodeUtf8, encodeUtf8 } from "../text/utf8.js";

/**
 * How a revision's paragraphs are stored in `revisions.paragraphs` (JSON).
 *
 * Most paragraphs are plain text in a `<p>`: their HTML says nothing the text does not. Those are stored as
 * the text alone (a JSON string) and their HTML is rebuilt on reading; every other paragraph is stored as
 * `{"text","html"}`, as all paragraphs were before this format. A plain paragraph is recognised by exact
 * equality with the HTML that would be rebuilt, so the round trip is lossless whatever the extractor emits.
 * Rows written in the older all-objects form read unchanged; stored rows are never rewritten.
 *
 * Why: a revision row holds the whole article twice (text and HTML), about 16 KB for a 60 KB page, and
 * SQLite's cost to insert and read a row grows with its size (overflow pages, the WAL). Plain paragraphs
 * are about 85 % of paragraphs on Trend pages, so rows shrink by nearly half.
 */

type StoredParagraph = string | Paragraph;

/** The HTML of a paragraph that is only text: the text, escaped for element content, in a `<p>`. */
export function plainParagraphHtml(text: string): string {
  return `<p>${text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")}</p>`;
}

/** html === plainParagraphHtml(text), without building that string for text with nothing to escape. */
function isPlain({ text, html }: Paragraph): boolean {
  if (MARKUP_CHARS.test(text)) return html === plainParagraphHtml(text);
  return (
    html.length === text.length + 7 &&
    html.startsWith("<p>") &&
    html.endsWith("</p>") &&
    html.startsWith(text, 3)
  );
}

const MARKUP_CHARS = /[&<>]/;

export function encodeParagraphs(paragraphs: readonly Paragraph[]): string {
  const stored: StoredParagraph[] = paragraphs.map((p) =>
    isPlain(p) ? p.text : { text: p.text, html: p.html },
  );
  return JSON.stringify(stored);
}

/** A revision's paragraphs in the stored form (JSON, as above), as UTF-8 bytes. */
export type StoredParagraphs = Uint8Array;

/**
 * The stored form as UTF-8 bytes, in a buffer of their own. Page analysis encodes a new revision's paragraphs
 * on its worker thread (analyse-page.ts), so the fetch loop's thread neither builds the JSON (60–65 µs for a
 * 60 KB page) nor converts it to UTF-8 while binding it (about 30 µs more).
 */
export function encodeParagraphBytes(paragraphs: readonly Paragraph[]): StoredParagraphs {
  return encodeUtf8(encodeParagraphs(paragraphs));
}

/** The texts of paragraphs stored as UTF-8 bytes (a revision read with check-queries.ts latestRevisionText). */
export function decodeParagraphTexts(bytes: StoredParagraphs): string[] {
  const stored = JSON.parse(decodeUtf8(bytes)) as StoredParagraph[];
  return stored.map((p) => (typeof p === "string" ? p : p.text));
}

export function decodeParagraphs(json: string): Paragraph[] {
  const stored = JSON.parse(json) as StoredParagraph[];
  return stored.map((p) =>
    typeof p === "string" ? { text: p, html: plainParagraphHtml(p) } : { text: p.text, html: p.html },
  );
}
