import { contentRuns } from "./content-runs.js";
import type { FeedEntry } from "./document.js";
import { CONTENT_SLOT, cdataContent, cutElements, entryBytes } from "./splice.js";
import { buildTemplate, fillAround, fillTemplate, type Template, type TemplateField } from "./templates.js";

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

/**
 * The template field where an entry's content goes. Its value is never written into the markup: the
 * template is filled around it and the content's own bytes (contentBytes) go in between.
 */
export function contentField(): TemplateField<FeedEntry> {
  return { marker: CONTENT_SLOT, escape: "raw", value: () => "" };
}

/**
 * An entry's content as its CDATA section holds it, in UTF-8 byte runs (content-runs.ts): Atom's `<content>`
 * and RSS's `<content:encoded>` hold the very same bytes, so they are encoded once per entry and shared by
 * both renders, which also keep them for as long as they keep the entry.
 */
const encodedContent = new WeakMap<FeedEntry, Buffer[]>();

function contentBytes(entry: FeedEntry): Buffer[] {
  let runs = encodedContent.get(entry);
  if (runs === undefined) {
    const what = `entry ${entry.id}`;
    runs = contentRuns(entry, "cdata", (text) => Buffer.from(cdataContent(text, what), "utf8"));
    encodedContent.set(entry, runs);
  }
  return runs;
}

/** Bytes an entry is known to render to, taken from elsewhere (see article-reuse.ts); undefined: render it. */
export type KnownEntries = (entry: FeedEntry) => Buffer | undefined;

/** An entry as one format renders it, in byte runs (see entryBytes). */
export type EntryBytes = readonly Buffer[];

export function entryRenderer(
  format: EntryFormat,
): (entries: FeedEntry[], known?: KnownEntries) => EntryBytes[] {
  const rendered = new WeakMap<FeedEntry, EntryBytes>();
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
    const taken = new Map<FeedEntry, EntryBytes>();
    for (const entry of new Set(entries)) {
      if (rendered.has(entry)) continue;
      const bytes = known?.(entry);
      if (bytes !== undefined) {
        taken.set(entry, [bytes]);
        continue;
      }
      const filled = fillEntry(template(entry), entry, `${format.kind} ${entry.id}`);
      if (filled === null) byDom.push(entry);
      else rendered.set(entry, filled);
    }
    if (byDom.length > 0) {
      const xml = withDom(byDom);
      for (const [i, entry] of byDom.entries()) {
        const content = entry.contentHtml === "" ? null : contentBytes(entry);
        rendered.set(entry, entryBytes(xml[i] as string, content, `${format.kind} ${entry.id}`));
      }
    }
    return entries.map((e) => rendered.get(e) ?? (taken.get(e) as EntryBytes));
  };
}

/** The template filled with the entry's values, around its content's bytes; null: render it the DOM way. */
function fillEntry(template: Template<FeedEntry>, entry: FeedEntry, what: string): EntryBytes | null {
  if (entry.contentHtml === "") {
    const filled = fillTemplate(template, entry, what);
    return filled === null ? null : [Buffer.from(filled, "utf8")];
  }
  const around = fillAround(template, entry, CONTENT_SLOT, what);
  if (around === null) return null;
  return [Buffer.from(around.head, "utf8"), ...contentBytes(entry), Buffer.from(around.tail, "utf8")];
}
