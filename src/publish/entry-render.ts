import type { FeedEntry } from "./document.js";
import { CONTENT_SLOT, cdataContent, cutElements, entryBytes } from "./splice.js";
import { buildTemplate, fillTemplate, type Template, type TemplateField } from "./templates.js";

/**
 * Rendering entries for one format (Atom `<entry>`, RSS `<item>`): each entry object once (they are
 * immutable), by filling the template of its shape (templates.ts); entries a template cannot take are
 * rendered the DOM way, together: one `feed` document, one parse, one serialization for all of them.
 */

export interface EntryFormat {
  kind: string;
  element: "entry" | "item";
  /** Which optional parts an entry has; entries of one shape share a template. */
  shape(entry: FeedEntry): string;
  /** An entry of `entry`'s shape with markers for values, and the fields that fill them. */
  markers(entry: FeedEntry): { entry: FeedEntry; fields: TemplateField<FeedEntry>[] };
  /** A serialized document with the entries' elements, in order, content slots where content goes. */
  dom(entries: FeedEntry[], withContent: boolean[]): string;
}

/** Shapes vary with link and category counts; a bound keeps odd inputs from growing the map. */
const MAX_TEMPLATES = 256;

/** Value of a template field that is the entry's content. */
export function contentField(): TemplateField<FeedEntry> {
  return { marker: CONTENT_SLOT, escape: "raw", value: (e) => cdataContent(e.contentHtml, `entry ${e.id}`) };
}

/** Bytes an entry is known to render to, taken from elsewhere (see article-reuse.ts); undefined: render it. */
export type KnownEntries = (entry: FeedEntry) => Buffer | undefined;

export function entryRenderer(format: EntryFormat): (entries: FeedEntry[], known?: KnownEntries) => Buffer[] {
  const rendered = new WeakMap<FeedEntry, Buffer>();
  const templates = new Map<string, Template<FeedEntry>>();

  function template(entry: FeedEntry): Template<FeedEntry> {
    const shape = format.shape(entry);
    let found = templates.get(shape);
    if (!found) {
      const { entry: marked, fields } = format.markers(entry);
      const [xml] = withDom([marked]);
      found = buildTemplate(xml as string, fields, `${format.kind} (${shape})`);
      if (templates.size >= MAX_TEMPLATES) templates.clear();
      templates.set(shape, found);
    }
    return found;
  }

  /** Serialized elements with content slots (CONTENT_SLOT where content goes). */
  function withDom(entries: FeedEntry[]): string[] {
    const withContent = entries.map((e) => e.contentHtml !== "");
    const xml = format.dom(entries, withContent);
    const spans = cutElements(xml, format.element, `${format.kind}s`);
    if (spans.length !== entries.length) throw new Error(`publish: ${format.kind}s were not all rendered`);
    return spans.map(({ start, end }) => xml.slice(start, end));
  }

  return (entries, known) => {
    const byDom: FeedEntry[] = [];
    // Known bytes serve this render only: kept, a slice would hold the whole buffer it was cut from.
    const taken = new Map<FeedEntry, Buffer>();
    for (const entry of new Set(entries)) {
      if (rendered.has(entry)) continue;
      const bytes = known?.(entry);
      if (bytes !== undefined) {
        taken.set(entry, bytes);
        continue;
      }
      const filled = fillTemplate(template(entry), entry, `${format.kind} ${entry.id}`);
      if (filled === null) byDom.push(entry);
      else rendered.set(entry, Buffer.from(filled, "utf8"));
    }
    if (byDom.length > 0) {
      const xml = withDom(byDom);
      for (const [i, entry] of byDom.entries()) {
        const content = cdataContent(entry.contentHtml, `${format.kind} ${entry.id}`);
        rendered.set(
          entry,
          entryBytes(xml[i] as string, content === "" ? null : content, `${format.kind} ${entry.id}`),
        );
      }
    }
    return entries.map((e) => rendered.get(e) ?? (taken.get(e) as Buffer));
  };
}
