import type { FeedDocument } from "./document.js";
import { cutElement } from "./splice.js";
import {
  buildTemplate,
  fillAround,
  fillTemplate,
  marker,
  type Template,
  type TemplateField,
} from "./templates.js";

/**
 * A document around its entries (the feed's own elements, links, tombstones), from a template per shape
 * like entries (templates.ts): `feed` and the DOM render it once with markers and one stand-in entry,
 * which marks where the entries go. What a template cannot take is rendered the DOM way.
 */

export interface SkeletonFormat {
  kind: string;
  element: "entry" | "item";
  /** Which optional parts the document has (entries or not is added here). */
  shape(doc: FeedDocument): string;
  /** A document of `doc`'s shape with markers for values, and the fields that fill them. */
  markers(doc: FeedDocument): { doc: FeedDocument; fields: TemplateField<FeedDocument>[] };
  /** The serialized document without entries, or with one stand-in entry. */
  dom(doc: FeedDocument, standIn: boolean): string;
}

const ENTRIES = marker("entries");
const MAX_TEMPLATES = 256;

export interface Skeleton {
  /** Everything before the first entry (the whole document when it has none). */
  head: string;
  /** Everything after the last entry. */
  tail: string;
}

export function skeletonRenderer(
  format: SkeletonFormat,
): (doc: FeedDocument, withEntries: boolean) => Skeleton {
  const templates = new Map<string, Template<FeedDocument>>();

  /** Head and tail of a render, split at the stand-in entry. */
  function split(xml: string, withEntries: boolean, what: string): Skeleton {
    if (!withEntries) return { head: xml, tail: "" };
    const { start, end } = cutElement(xml, format.element, what);
    return { head: xml.slice(0, start), tail: xml.slice(end) };
  }

  function template(doc: FeedDocument, withEntries: boolean): Template<FeedDocument> {
    const shape = `${withEntries ? "e" : "-"}|${format.shape(doc)}`;
    let found = templates.get(shape);
    if (!found) {
      const { doc: marked, fields } = format.markers(doc);
      const what = `${format.kind} (${shape})`;
      const { head, tail } = split(format.dom(marked, withEntries), withEntries, what);
      const entries: TemplateField<FeedDocument>[] = withEntries
        ? [{ marker: ENTRIES, escape: "raw", value: () => "" }]
        : [];
      found = buildTemplate(withEntries ? `${head}${ENTRIES}${tail}` : head, [...fields, ...entries], what);
      if (templates.size >= MAX_TEMPLATES) templates.clear();
      templates.set(shape, found);
    }
    return found;
  }

  return (doc, withEntries) => {
    const what = `${format.kind} ${doc.stem}`;
    const t = template(doc, withEntries);
    if (withEntries) {
      const filled = fillAround(t, doc, ENTRIES, what);
      if (filled) return filled;
    } else {
      const whole = fillTemplate(t, doc, what);
      if (whole !== null) return { head: whole, tail: "" };
    }
    return split(format.dom(doc, withEntries), withEntries, what);
  };
}
