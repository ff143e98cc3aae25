import { normalizeLineEndings } from "@xmldom/xmldom";

/**
 * Documents are assembled from parts rendered once: entries are shaped by `feed` and the DOM in a document
 * of their own (see entryElements) and cut out after serializing, and the document around the entries
 * likewise from a skeleton with one stand-in entry. An entry's HTML content, nearly all of its bytes, never
 * goes through the XML parser: `feed` gets a slot, and the content is spliced into the slot's CDATA section
 * afterwards, transformed exactly as the parser would have (line endings) and checked for characters XML
 * forbids. The result is byte for byte what one whole-document render gives (test/publish/golden.test.ts).
 */

/** Stands in for an entry's content; only ever searched for as a whole CDATA section (see entryBytes). */
export const CONTENT_SLOT = "\uE000revfeed-content\uE000";

/**
 * What XML 1.0's Char production leaves out (https://www.w3.org/TR/xml/#charsets): a quick scan for the
 * suspects (surrogates are fine in pairs), then the exact test. A negated `u`-mode class is ten times slower.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this regex's job.
const SUSPECT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
/** The characters xmldom's parser turns into LF (CR, NEL, LS, PS); most content has none. */
const LINE_BREAKS = ["\r", "\u0085", "\u2028", "\u2029"];

/**
 * The content as the old round trip through the parser left it: XML parsers turn CR LF, lone CR (and
 * xmldom also NEL, LS, PS) into LF; `]]>` would end the CDATA section early, `]]&gt;` means the same in HTML.
 */
export function cdataContent(html: string, what: string): string {
  const safe = html.includes("]]>") ? html.replace(/\]\]>/g, "]]&gt;") : html;
  const content = LINE_BREAKS.some((c) => safe.includes(c)) ? normalizeLineEndings(safe) : safe;
  if (SUSPECT.test(content) && NOT_XML_CHAR.test(content))
    throw new Error(`publish: ${what} has characters XML forbids in its content`);
  return content;
}

/**
 * Where each top-level `<name …>…</name>` element sits in a serialized document, in order. Text and
 * attributes are escaped and CDATA sections hold only the content slot, so every `<name` and `</name>` in
 * the string is markup; these elements do not nest.
 */
export function cutElements(xml: string, name: string, what: string): { start: number; end: number }[] {
  const open = new RegExp(`<${name}[\\s>]`, "g");
  const close = `</${name}>`;
  const spans: { start: number; end: number }[] = [];
  for (let m = open.exec(xml); m !== null; m = open.exec(xml)) {
    const end = xml.indexOf(close, m.index);
    if (end < 0) throw new Error(`publish: ${what} has an unclosed <${name}> element`);
    spans.push({ start: m.index, end: end + close.length });
    open.lastIndex = end + close.length;
  }
  return spans;
}

/** The only `<name …>…</name>` element of a serialized document. */
export function cutElement(xml: string, name: string, what: string): { start: number; end: number } {
  const [span, more] = cutElements(xml, name, what);
  if (!span || more) throw new Error(`publish: ${what} should have exactly one <${name}> element`);
  return span;
}

/**
 * A serialized entry with its content put into the slot, as byte runs: the markup before the content, the
 * content's runs, the markup after it. Documents are assembled from these runs, so an entry's UTF-8 is never
 * computed again, and the content's runs, nearly all of an entry's bytes, are shared by every format that
 * shows the entry (entry-render.ts) and their long parts by every entry that shows them (content-runs.ts). Without a slot (no content) it is the entry as is.
 */
export function entryBytes(entryXml: string, content: readonly Buffer[] | null, what: string): Buffer[] {
  if (content === null) return [Buffer.from(entryXml, "utf8")];
  // Text and attributes are escaped, so `<![CDATA[` can only be the content's own section.
  const at = entryXml.indexOf(`<![CDATA[${CONTENT_SLOT}]]>`);
  if (at < 0) throw new Error(`publish: ${what} lost its content slot`);
  const from = at + "<![CDATA[".length;
  return [
    Buffer.from(entryXml.slice(0, from), "utf8"),
    ...content,
    Buffer.from(entryXml.slice(from + CONTENT_SLOT.length), "utf8"),
  ];
}

/** Where some bytes sit in a file: [start, end) offsets. */
export interface ByteRange {
  start: number;
  end: number;
}

/** A document as byte runs, and where each entry's bytes sit in it, in order. */
export interface Assembled {
  bytes: Buffer[];
  entryRanges: ByteRange[];
}

/**
 * Head, entries joined by the separator `feed` writes between them, tail: the document as a list of byte
 * runs. The entries' bytes are shared, not copied: a document is written and hashed run by run.
 */
export function assemble(
  head: string,
  entries: readonly (readonly Buffer[])[],
  separator: string,
  tail: string,
): Assembled {
  const sep = Buffer.from(separator, "utf8");
  const bytes: Buffer[] = [Buffer.from(head, "utf8")];
  const entryRanges: ByteRange[] = [];
  let offset = bytes[0]?.length ?? 0;
  entries.forEach((runs, i) => {
    if (i > 0) {
      bytes.push(sep);
      offset += sep.length;
    }
    const start = offset;
    for (const run of runs) {
      bytes.push(run);
      offset += run.length;
    }
    entryRanges.push({ start, end: offset });
  });
  bytes.push(Buffer.from(tail, "utf8"));
  return { bytes, entryRanges };
}
