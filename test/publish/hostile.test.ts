import { DOMParser } from "@xmldom/xmldom";
import { findAll } from "domutils";
import { parseDocument } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { renderAll } from "../../src/publish/publish-all.js";
import { sanitizeForFeed } from "../../src/publish/sanitize.js";
import { feedConfig, HOSTILE_HTML, hostileArticle, site, storyArticle } from "./factory.js";

/** XML 1.0's forbidden characters (and noncharacters, lone surrogates) plus bidi overrides. */
const FORBIDDEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding these characters is the point of the test
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const BANNED_TAGS = new Set([
  "script",
  "style",
  "iframe",
  "form",
  "input",
  "button",
  "object",
  "embed",
  "svg",
  "frame",
]);

/** Every piece of HTML a reader would render from one published file. */
function htmlPieces(file: { path: string; content: string }): string[] {
  if (file.path.endsWith(".json")) {
    const json = JSON.parse(file.content) as { items: { content_html?: string }[] };
    return json.items.map((i) => i.content_html ?? "");
  }
  const doc = new DOMParser().parseFromString(file.content, "application/xml");
  const name = file.path.endsWith(".rss") ? "description" : "content";
  return Array.from(doc.getElementsByTagName(name)).map((el) => el.textContent ?? "");
}

function problems(html: string): string[] {
  const found: string[] = [];
  const dom = parseDocument(html);
  for (const el of findAll(() => true, dom.children)) {
    if (BANNED_TAGS.has(el.name)) found.push(`<${el.name}>`);
    for (const [attr, value] of Object.entries(el.attribs)) {
      if (attr.startsWith("on")) found.push(`${el.name}[${attr}]`);
      if (/javascript:|vbscript:|data:|expression\(|url\(/i.test(value))
        found.push(`${el.name}[${attr}=${value}]`);
      if ((attr === "href" || attr === "src") && !/^(https?:\/\/|mailto:)/.test(value))
        found.push(`relative or odd URL ${value}`);
      if (attr === "style" && !["ins", "del", "span", "mark", "p"].includes(el.name))
        found.push(`${el.name}[style]`);
    }
  }
  return found;
}

function render() {
  return renderAll({
    site: site({ hub: "https://hub.example.org/" }),
    feeds: [feedConfig({ includeMinor: true })],
    articles: [hostileArticle(), storyArticle()],
  });
}

describe("hostile page content comes out clean", () => {
  it("no scripts, handlers, iframes, forms, javascript: or data: URLs in any rendered HTML", () => {
    const files = render();
    expect(files.length).toBe(6 + 2);
    for (const file of files) {
      const pieces = htmlPieces(file);
      expect(pieces.length, file.path).toBeGreaterThan(0);
      for (const html of pieces)
        expect({ file: file.path, problems: problems(html) }).toEqual({ file: file.path, problems: [] });
    }
  });

  it("no XML-invalid or bidi control characters anywhere in any file", () => {
    for (const file of render()) expect(FORBIDDEN.test(file.content), file.path).toBe(false);
  });

  it("the hostile text itself survives: words kept, links made absolute against the page", () => {
    const atom = render().find((f) => f.path === "all.atom")?.content ?? "";
    const html = htmlPieces({ path: "all.atom", content: atom }).join("\n");
    expect(html).toContain("Hello world");
    expect(html).toContain('href="https://ru.trend.az/relative?a=1&amp;b=2"');
    expect(html).toContain('src="https://ru.trend.az/world/x.png"');
    expect(html).not.toContain('evil.example/"');
  });

  it("diff markup keeps its inline colours and textual markers (readers strip classes)", () => {
    const revisions = render().find((f) => f.path === "all.revisions.atom")?.content ?? "";
    const html = htmlPieces({ path: "all.revisions.atom", content: revisions }).join("\n");
    expect(html).toContain('<ins style="background-color:#d4fcbc;text-decoration:none">[+ Министр экономики');
    expect(html).toContain("[\u2212 второе \u2212]");
  });

  it("the sanitizer on its own drops every hostile construct of the fixture", () => {
    // The checker must see the raw fixture as hostile, or this test proves nothing.
    expect(problems(HOSTILE_HTML.join("")).length).toBeGreaterThan(5);
    for (const piece of HOSTILE_HTML) {
      const clean = sanitizeForFeed(piece, "https://ru.trend.az/world/4116002.html");
      expect(problems(clean)).toEqual([]);
      expect(FORBIDDEN.test(clean)).toBe(false);
    }
  });
});
