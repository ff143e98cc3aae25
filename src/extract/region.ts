import type { Document } from "domhandler";
import { DomHandler, Parser } from "htmlparser2";

/**
 * Builds one DOM out of separate elements of a page, each parsed by htmlparser2 from its start tag until
 * htmlparser2 closes it, the page in between skipped. The elements come out exactly as a parse of the
 * whole page gives them as long as (a) the tokenizer would be in its text state at each start tag (the
 * caller proves that with skim.ts), and (b) nothing outside an element can reach inside it. (b) holds
 * because htmlparser2 only looks outside the element on an end tag that matches none of the element's
 * own open tags (it would close elements the page opened earlier), on a `<form>` while another form is
 * open, and on an implied close of the element itself; each of those makes `add` return null ("parse the
 * whole page").
 */

/** htmlparser2's void elements (Parser.ts), plus "image", which it reads as img. */
const VOID = new Set([
  "area",
  "base",
  "basefont",
  "br",
  "col",
  "command",
  "embed",
  "frame",
  "hr",
  "img",
  "image",
  "input",
  "isindex",
  "keygen",
  "link",
  "meta",
  "param",
  "source",
  "track",
  "wbr",
]);

/** Elements whose content is the whole page: only their start tag (their attributes) is kept. */
const WRAPPERS = new Set(["html", "head", "body"]);

class RegionHandler extends DomHandler {
  /** The parser is reset between elements; the document being built must survive that. */
  override onreset(): void {}

  depth = 0;
  rootName = "";
  /** Where the element ended in the chunk, or -1 while open; -2 when it ended in a way not handled. */
  end = -1;
  active: Parser | null = null;

  override onopentag(name: string, attribs: Record<string, string>): void {
    super.onopentag(name, attribs);
    const parser = this.active as Parser;
    if (this.depth++ > 0) return;
    this.rootName = name;
    if (WRAPPERS.has(name)) {
      // Closed here, so that what follows is not inside it: callers check it matters to no selector.
      super.onclosetag();
      this.depth = 0;
      this.end = parser.endIndex + 1;
      parser.pause();
    }
  }

  override onclosetag(_name?: string, implied?: boolean): void {
    super.onclosetag();
    if (--this.depth > 0) return;
    const parser = this.active as Parser;
    if (VOID.has(this.rootName)) this.end = parser.endIndex + 1;
    // An element closed by the start of another (a <p> by a <div>) ends where that tag begins, which the
    // parser does not report reliably.
    else if (implied) this.end = -2;
    else this.end = -3;
    parser.pause();
  }
}

class RegionParser extends Parser {
  /** An end tag that closed nothing inside the element (in the page it might close something outside). */
  strayEndTag = false;
  chunk = "";

  constructor(private readonly handler: RegionHandler) {
    super(handler);
  }

  /** Parses `chunk` from a fresh state (one parser serves every element: building one costs more). */
  parse(chunk: string): void {
    this.reset();
    this.strayEndTag = false;
    this.chunk = chunk;
    this.write(chunk);
  }

  override onclosetag(start: number, endIndex: number): void {
    const depth = this.handler.depth;
    super.onclosetag(start, endIndex);
    if (this.handler.depth === depth && !VOID.has(this.chunk.slice(start, endIndex).toLowerCase())) {
      this.strayEndTag = true;
    }
  }
}

export class RegionDocument {
  private readonly handler = new RegionHandler();
  private readonly parser = new RegionParser(this.handler);

  get root(): Document {
    return this.handler.root;
  }

  /**
   * Parses the element whose start tag is at html[start] and appends it to the document. Returns where
   * it ends in html (just past its end tag), or null when its DOM might differ from a full parse's.
   */
  add(html: string, start: number): { end: number; name: string } | null {
    const chunk = html.slice(start);
    const { handler, parser } = this;
    handler.depth = 0;
    handler.end = -1;
    handler.active = parser;
    parser.parse(chunk);
    if (parser.strayEndTag || handler.end === -1 || handler.end === -2) return null;
    let end = handler.end;
    if (end === -3) {
      // Explicitly closed: the parser stopped at the end of the tag name; the tag runs to the next `>`.
      const gt = chunk.indexOf(">", parser.endIndex);
      if (gt < 0) return null;
      end = gt + 1;
    }
    // A second form inside an open one is dropped by htmlparser2; a form before this element may be open.
    if (
      /<form(?![^\t\n\f\r />])/i.test(chunk.slice(0, end)) &&
      /<form(?![^\t\n\f\r />])/i.test(html.slice(0, start))
    ) {
      return null;
    }
    return { end: start + end, name: handler.rootName };
  }
}
