import { textContent } from "domutils";
import { parseDocument } from "htmlparser2";
import { normalizeText } from "../extract/text.js";

/**
 * Feed titles and descriptions arrive as HTML-ish text, often escaped one time too many: a CDATA
 * description holding `&amp;laquo;` means «. Tags are dropped, entities decoded, and decoded once more
 * when the first pass left entities behind.
 */

const ENTITY = /&(?:[a-z][a-z0-9]{1,31}|#\d{1,7}|#x[0-9a-f]{1,6});/i;

function htmlToText(html: string): string {
  return textContent(parseDocument(html.replace(/<br\s*\/?>/gi, " ").replace(/<\/(p|div|li|h\d)>/gi, " $&")));
}

export function decodeFeedText(value: string): string {
  if (!value) return "";
  let text = htmlToText(value);
  if (ENTITY.test(text)) text = textContent(parseDocument(text.replace(/</g, "&lt;")));
  return normalizeText(text);
}
