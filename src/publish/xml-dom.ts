import { DOMParser, type Document, type Element, XMLSerializer } from "@xmldom/xmldom";

/**
 * The XML tool behind what `feed` cannot express: parse its output, add elements and attributes through
 * the DOM (which escapes them), serialize. Parsing also proves `feed` wrote well-formed XML.
 */

export const ATOM_NS = "http://www.w3.org/2005/Atom";
export const TOMBSTONE_NS = "http://purl.org/atompub/tombstones/1.0";
export const XML_NS = "http://www.w3.org/XML/1998/namespace";
export const XMLNS_NS = "http://www.w3.org/2000/xmlns/";

export function parseXml(xml: string, what: string): Document {
  // No line and column bookkeeping: the documents parsed here are small and generated, and it costs a fifth.
  return new DOMParser({
    locator: false,
    onError: (level, message) => {
      if (level !== "warning") throw new Error(`publish: ${what} is not well-formed XML: ${message}`);
    },
  }).parseFromString(xml, "application/xml");
}

export function serializeXml(doc: Document): string {
  // The parsed XML declaration comes back as a processing instruction the strict serializer refuses.
  for (let n = doc.firstChild; n !== null; n = n.nextSibling) {
    if (n.nodeType === n.PROCESSING_INSTRUCTION_NODE && n.nodeName === "xml") {
      doc.removeChild(n);
      break;
    }
  }
  const body = new XMLSerializer().serializeToString(doc, { requireWellFormed: true });
  const withoutDecl = body.replace(/^\s*(?:<\?xml[^?]*\?>\s*)?/, "");
  return `<?xml version="1.0" encoding="utf-8"?>\n${withoutDecl}\n`;
}

export function childElements(parent: Element, localName: string): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n !== null; n = n.nextSibling) {
    if (n.nodeType === n.ELEMENT_NODE && (n as Element).localName === localName) out.push(n as Element);
  }
  return out;
}

export function firstChild(parent: Element, localName: string, what: string): Element {
  const found = childElements(parent, localName)[0];
  if (!found) throw new Error(`publish: ${what} has no <${localName}> element`);
  return found;
}

function ownerDoc(el: Element): Document {
  const doc = el.ownerDocument;
  if (!doc) throw new Error(`publish: <${el.tagName}> belongs to no document`);
  return doc;
}

/** Replace an element's children (text or CDATA) with one text node; the serializer escapes it. */
export function setText(el: Element, text: string): void {
  while (el.firstChild) el.removeChild(el.firstChild);
  el.appendChild(ownerDoc(el).createTextNode(text));
}

/** Add a child element in `ns` with attributes and optional text, before `before` when given. */
export function addElement(
  parent: Element,
  ns: string | null,
  qualifiedName: string,
  attrs: Record<string, string | undefined>,
  text?: string,
  before?: Element | null,
): Element {
  const doc = ownerDoc(parent);
  const el = doc.createElementNS(ns, qualifiedName);
  for (const [name, value] of Object.entries(attrs)) if (value !== undefined) el.setAttribute(name, value);
  if (text !== undefined) el.appendChild(doc.createTextNode(text));
  // Keep feed's indentation readable: one newline before each added element.
  parent.insertBefore(doc.createTextNode("\n    "), before ?? null);
  parent.insertBefore(el, before ?? null);
  return el;
}

export function setXmlLang(el: Element, lang: string | null): void {
  if (lang) el.setAttributeNS(XML_NS, "xml:lang", lang);
}
