/**
 * What is never article text, even when it sits inside the article container: share and "read also" blocks,
 * ads, counters, clocks, and the service lines news sites append (subscribe to our WhatsApp/Telegram
 * channel…). Containers go by selector; service lines go by their text, and only when the whole block is a
 * short service line, so an article about Telegram keeps its paragraphs.
 */

export const BOILERPLATE_SELECTOR = [
  "script",
  "style",
  "noscript",
  "template",
  "iframe",
  "form",
  "svg",
  "button",
  "input",
  "select",
  "textarea",
  ".social-sharing",
  ".share",
  "[class*=share-]",
  "[class*=sharing]",
  ".tags",
  ".related-news",
  ".recommended",
  ".most-read",
  "[class*=advert]",
  "[class*=adfox]",
  "[id*=adfox]",
  ".ads",
  ".banner",
  "[class*=banner-]",
  ".views",
  ".view-count",
  "[class*=views-]",
  ".clock",
  ".date-time",
  ".author",
  ".subscribe",
  ".read-also",
  "[class*=read-more]",
  "[class*=telegram]",
  "[class*=whatsapp]",
  ".news-list",
].join(", ");

const MAX_SERVICE_LINE = 300;

/** Lines that only ever appear as a site's own footer (Trend's handles and address). */
const SITE_FOOTER = /@trend\b|@www_trend_az|agency@trend\.az|trend-i buradan/i;
const MESSENGER = /whats\s?app|telegram|google\s+(?:news|xəbərlər|новости)|viber|dzen|дзен/i;
const FOLLOW =
  /\b(?:channel|follow|subscribe|stay up-to-date|join)\b|канал|подпис|следите|читайте нас|kanal|izləyin|abunə|qoşulun|takip/i;

const VIEW_COUNTER =
  /^(?:просмотр\p{L}*|views?|baxış\p{L}*|oxunub)\s*:?\s*[\d\s]+$|^[\d\s]+\s*(?:просмотр\p{L}*|views?|baxış)$/iu;
const CLOCK_LINE = /^\d{1,2}:\d{2}(?::\d{2})?\s*(?:\(\s*UTC\s*[+-]\s*\d{1,2}(?::?\d{2})?\s*\))?$/i;
const DATE_LINE =
  /^\d{1,2}\s+\p{L}+\.?\s+(?:\d{4}\s+)?\d{1,2}:\d{2}\s*\(\s*UTC\s*[+-]\s*\d{1,2}(?::?\d{2})?\s*\)$/iu;

/** True for a block whose whole text is a footer, counter, clock or date line. */
export function isServiceLine(text: string): boolean {
  if (text.length > MAX_SERVICE_LINE) return false;
  if (SITE_FOOTER.test(text)) return true;
  if (MESSENGER.test(text) && FOLLOW.test(text)) return true;
  return VIEW_COUNTER.test(text) || CLOCK_LINE.test(text) || DATE_LINE.test(text);
}
