import { TextDecoder } from "node:util";
import { decodeUtf8 } from "../text/utf8.js";

/**
 * Bytes + Content-Type -> text. Pure: no I/O, no clock.
 *
 * Order of evidence (after the WHATWG encoding sniffing algorithm, simplified for feeds and articles):
 *   1. a byte order mark: it is in the bytes themselves, so it beats a header that disagrees;
 *   2. the `charset` parameter of the Content-Type header;
 *   3. `<meta charset>`, `<meta http-equiv="content-type" content="…; charset=…">` or the XML declaration's
 *      `encoding`, looked for in the first bytes of the body;
 *   4. UTF-8.
 * A label TextDecoder does not know is skipped, so the next kind of evidence decides.
 * Malformed bytes become U+FFFD; decoding never throws.
 */

export interface DecodedText {
  text: string;
  /** The WHATWG name of the encoding used, for example `utf-8` or `windows-1251`. */
  charset: string;
}

/** How far into the body `<meta>` and the XML declaration are looked for. */
export const SNIFF_BYTES = 2048;

const decoders = new Map<string, TextDecoder | null>();

/** One reusable decoder per label (decode() without `stream` keeps no state between calls). */
function decoderFor(label: string): TextDecoder | null {
  const key = label.trim().toLowerCase();
  let decoder = decoders.get(key);
  if (decoder === undefined) {
    try {
      decoder = new TextDecoder(key);
    } catch {
      decoder = null; // unknown label
    }
    if (decoders.size < 256) decoders.set(key, decoder);
  }
  return decoder;
}

function bomEncoding(bytes: Uint8Array): string | null {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return "utf-8";
  if (a === 0xfe && b === 0xff) return "utf-16be";
  if (a === 0xff && b === 0xfe) return "utf-16le";
  return null;
}

const HEADER_CHARSET = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]+))/i;

/** The `charset` parameter of a Content-Type value, or null. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const m = HEADER_CHARSET.exec(contentType);
  const label = m?.[1] ?? m?.[2];
  return label ? label.trim() : null;
}

const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([a-z0-9_.:-]+)/i;
const XML_ENCODING = /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([a-z0-9_.:-]+)["']/i;

/** The encoding a document declares about itself in its first bytes (XML declaration or `<meta>`), or null. */
export function sniffDeclaredCharset(bytes: Uint8Array): string | null {
  // Declarations are ASCII, so reading the head as Latin-1 finds them in any ASCII-compatible encoding.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, SNIFF_BYTES)).toString(
    "latin1",
  );
  const label = XML_ENCODING.exec(head)?.[1] ?? META_CHARSET.exec(head)?.[1] ?? null;
  if (label === null) return null;
  // A document read as ASCII cannot really be UTF-16 (HTML spec: treat such a declaration as UTF-8).
  return /^utf-?16/i.test(label) ? "utf-8" : label;
}

/** Decodes a response body with the best-supported charset (see the order above). */
export function decodeBody(bytes: Uint8Array, contentType: string | null | undefined): DecodedText {
  const decoder =
    decoderOrNull(bomEncoding(bytes)) ??
    decoderOrNull(charsetFromContentType(contentType)) ??
    decoderOrNull(sniffDeclaredCharset(bytes)) ??
    (decoderFor("utf-8") as TextDecoder);
  const text = decoder.encoding === "utf-8" ? decodeUtf8(bytes) : decoder.decode(bytes);
  return { text, charset: decoder.encoding };
}

function decoderOrNull(label: string | null): TextDecoder | null {
  return label === null ? null : decoderFor(label);
}
