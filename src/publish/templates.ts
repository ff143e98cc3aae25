/**
 * Entry templates: `feed` and the DOM render an entry's markup once per shape (which optional parts it
 * has, how many links and categories), with a marker in place of every value; each entry is then the
 * template with its values escaped exactly as the DOM's serializer escapes them. Values that only reach
 * the markup through `feed` and the parser (ids, links, dates) are given here in the form the parser
 * leaves them in; anything outside what that mapping is known to cover goes the DOM way (`null` value).
 * Equality with the DOM render is tested on hostile entries (test/publish/templates.test.ts).
 */

export type Escape = "text" | "attr" | "raw";

export interface TemplateField<T> {
  /** What stands in for the value while the template is rendered; must appear exactly once. */
  marker: string;
  escape: Escape;
  /** The value as the DOM holds it; null when this entry must be rendered the DOM way. */
  value: (item: T) => string | null;
}

export interface Template<T> {
  parts: string[];
  fields: TemplateField<T>[];
}

/** xmldom's serializer: text escapes `<`, `&`, `>`; attributes also `"`, tab, LF, CR. */
const TEXT = /[<&>]/g;
const ATTR = /[<>&"\t\n\r]/g;
const ENTITY: Record<string, string> = {
  "<": "&lt;",
  ">": "&gt;",
  "&": "&amp;",
  '"': "&quot;",
  "\t": "&#9;",
  "\n": "&#10;",
  "\r": "&#13;",
};
const encode = (c: string) => ENTITY[c] ?? c;

/** What XML 1.0 forbids in text (the serializer refuses such text nodes). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this regex's job.
const SUSPECT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

export function invalidXmlText(text: string): boolean {
  return SUSPECT.test(text) && NOT_XML_CHAR.test(text);
}

/** Splits a marker render into the markup between the fields, in the order the fields appear. */
export function buildTemplate<T>(rendered: string, fields: TemplateField<T>[], what: string): Template<T> {
  const found = fields.map((field) => {
    const at = rendered.indexOf(field.marker);
    if (at < 0 || rendered.indexOf(field.marker, at + 1) >= 0)
      throw new Error(
        `publish: ${what} template has its marker ${JSON.stringify(field.marker)} ${at < 0 ? "missing" : "twice"}`,
      );
    return { field, at };
  });
  found.sort((a, b) => a.at - b.at);
  const parts: string[] = [];
  let from = 0;
  for (const { field, at } of found) {
    if (at < from) throw new Error(`publish: ${what} template has overlapping markers`);
    parts.push(rendered.slice(from, at));
    from = at + field.marker.length;
  }
  parts.push(rendered.slice(from));
  return { parts, fields: found.map((f) => f.field) };
}

/** The template's parts and `item`'s escaped values, interleaved; null when one must go the DOM way. */
function fillSegments<T>(template: Template<T>, item: T, what: string): string[] | null {
  const out: string[] = [template.parts[0] as string];
  for (const [i, field] of template.fields.entries()) {
    const value = field.value(item);
    if (value === null) return null;
    if (field.escape === "text") {
      if (invalidXmlText(value)) throw new Error(`publish: ${what} has characters XML forbids in its text`);
      out.push(value.replace(TEXT, encode));
    } else out.push(field.escape === "attr" ? value.replace(ATTR, encode) : value);
    out.push(template.parts[i + 1] as string);
  }
  return out;
}

/** The template filled with `item`'s values; null when one of them must go the DOM way. */
export function fillTemplate<T>(template: Template<T>, item: T, what: string): string | null {
  return fillSegments(template, item, what)?.join("") ?? null;
}

/** The template filled, split where the field with marker `at` goes (its value is dropped). */
export function fillAround<T>(
  template: Template<T>,
  item: T,
  at: string,
  what: string,
): { head: string; tail: string } | null {
  const segments = fillSegments(template, item, what);
  if (segments === null) return null;
  const i = template.fields.findIndex((f) => f.marker === at);
  if (i < 0) throw new Error(`publish: ${what} template has no ${JSON.stringify(at)} field`);
  return { head: segments.slice(0, 2 * i + 1).join(""), tail: segments.slice(2 * i + 2).join("") };
}

/** A marker for a text or attribute value: private-use characters, which nothing escapes. */
export const marker = (name: string) => `\uE001${name}\uE001`;

/** An attribute value of a template: absent values leave the attribute out. */
export const attrField = <T>(name: string, value: (x: T) => string | null | undefined): TemplateField<T> => ({
  marker: marker(name),
  escape: "attr",
  value: (x) => value(x) ?? null,
});
/** Markers for values `feed` formats itself: a URL-shaped id and link, and two dates. */
export const ID_MARKER = "urn:x-revfeed:id";
export const LINK_MARKER = "https://link.x-revfeed.invalid/";
export const UPDATED_MARKER = "1001-01-01T00:00:00.000Z";
export const PUBLISHED_MARKER = "1002-01-01T00:00:00.000Z";

/**
 * A URL as `feed` writes it (WHATWG serialization, `&` escaped) and the parser reads it back: the same
 * serialization. Null (the DOM way) for what does not parse or could change the markup around it.
 */
export function urlValue(url: string): string | null {
  try {
    const href = new URL(url).toString();
    return /[<>"]/.test(href) ? null : href;
  } catch {
    return null;
  }
}
