import { parseDocument } from "htmlparser2";
import { blockText } from "../extract/blocks.js";
import { normalizeText } from "../extract/text.js";

/**
 * Feed titles and descriptions arrive as HTML-ish text, often escaped one time too many: a CDATA
 * description holding `&amp;laquo;` means «. Tags (and script/style content) are dropped, entities
 * decoded, and decoded once more when the first pass left entities behind.
 */

const ENTITY = /&(?:[a-z][a-z0-9]{1,31}|#\d{1,7}|#x[0-9a-f]{1,6});/i;

function htmlToText(html: string): string {
  return parseDocument(html).children.map(blockText).join("");
}

export function decodeFeedText(value: string): string {
  if (!value) return "";
  // Most titles are plain text: no need to build a DOM for them.
  if (!/[<&]/.test(value)) return normalizeText(value);
  let text = htmlToText(value);
  if (ENTITY.test(text)) text = htmlToText(text.replace(/</g, "&lt;"));
  return normalizeText(text);
}
