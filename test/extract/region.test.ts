import render from "dom-serializer";
import type { Element } from "domhandler";
import { parseDocument } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { RegionDocument } from "../../src/extract/region.js";

/** Adds the element starting at the first `<` + `marker`, returning what the region parser made of it. */
function region(html: string, marker: string) {
  const doc = new RegionDocument();
  const added = doc.add(html, html.indexOf(`<${marker}`));
  return added && { ...added, html: render(doc.root.children, { decodeEntities: false }) };
}

describe("RegionDocument", () => {
  it("parses one element as a full parse does and says where it ends", () => {
    const html = '<div class="x"><div class="article"><p>a<b>b</div></div ><p>after</p>';
    const added = region(html, 'div class="article"');
    expect(added).toMatchObject({ name: "div", end: html.indexOf("</div >") });
    const full = parseDocument(html).children[0];
    expect(added?.html).toBe(render((full as Element).children, { decodeEntities: false }));
  });

  it("ends a void element at its tag and keeps only the start tag of html, head and body", () => {
    const html = '<html lang="ru"><head><meta property="og:title" content="T"></head><body></body></html>';
    expect(region(html, "meta")).toMatchObject({
      end: html.indexOf("</head>"),
      html: '<meta property="og:title" content="T">',
    });
    expect(region(html, "html")).toMatchObject({
      end: html.indexOf("<head>"),
      html: '<html lang="ru"></html>',
    });
  });

  it("parses several elements into one document, in order", () => {
    const html = "<title>T</title><nav>skip</nav><h1>H</h1>";
    const doc = new RegionDocument();
    expect(doc.add(html, 0)?.end).toBe(16);
    expect(doc.add(html, html.indexOf("<h1"))?.end).toBe(html.length);
    expect(render(doc.root.children)).toBe("<title>T</title><h1>H</h1>");
  });

  it.each([
    [
      "an end tag that closes nothing inside (it closes something outside on the page)",
      "<section><div>x</section>",
      "div",
    ],
    ["a </p> with no open p (it may close a p outside)", "<div></p></div>", "div"],
    ["an element closed by the start of another", "<p>text<div>block</div>", "p"],
    ["an element never closed", "<div><p>open", "div"],
    ["a form while an earlier one may be open", "<form><div><form></form></div>", "div"],
  ])("declines %s", (_why, html, root) => {
    expect(region(html, root)).toBeNull();
  });

  it("accepts what cannot reach outside: void end tags, nested forms of its own", () => {
    expect(region("<div>a</br>b</img></div>", "div")).not.toBeNull();
    expect(region("<div><form><p>x</p></form></div>", "div")).not.toBeNull();
  });
});
