import render from "dom-serializer";
import type { AnyNode, Element } from "domhandler";
import { sanitizeFragment } from "./sanitize.js";
import { isBlankText, normalizeText } from "./text.js";

/**
 * Splits an article container into blocks (paragraphs, headings, quotes, list items). Text that sits
 * directly in a container between blocks (the old Trend layout writes `text<br><br>text`) becomes blocks
 * of its own, split at double line breaks. A `div` holding only inline content is a block too (some
 * markers are set in a `div`).
 */

export interface Block {
  tag: string;
  text: string;
  html: string;
  /** Characters of the text that sit inside links: high for listings and "read also" blocks. */
  linkChars: number;
}

const BLOCK_TAGS = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "li", "pre", "dd", "dt"]);
const INLINE_TAGS = new Set([
  "a",
  "abbr",
  "b",
  "bdi",
  "bdo",
  "br",
  "cite",
  "code",
  "del",
  "dfn",
  "em",
  "font",
  "i",
  "img",
  "ins",
  "kbd",
  "mark",
  "q",
  "s",
  "samp",
  "small",
  "span",
  "strike",
  "strong",
  "sub",
  "sup",
  "time",
  "u",
  "var",
  "wbr",
]);
const SKIP_TAGS = new Set(["script", "style", "noscript", "template", "iframe", "form", "svg", "button"]);
/** How each block kind is written back: headings keep their level (h1 becomes h2), the rest are paragraphs. */
const OUTPUT_TAG: Record<string, string> = {
  h1: "h2",
  h2: "h2",
  h3: "h3",
  h4: "h4",
  h5: "h4",
  h6: "h4",
  blockquote: "blockquote",
};

function isElement(node: AnyNode): node is Element {
  return node.type === "tag" || node.type === "script" || node.type === "style";
}

/** Text with line breaks and block boundaries as spaces (domutils' textContent glues `a<br>b` into "ab"). */
export function blockText(node: AnyNode): string {
  if (node.type === "text") return (node as unknown as { data: string }).data;
  if (!isElement(node)) return "";
  if (node.name === "br") return " ";
  if (SKIP_TAGS.has(node.name)) return "";
  const inner = node.children.map(blockText).join("");
  return INLINE_TAGS.has(node.name) ? inner : ` ${inner} `;
}

function linkText(node: AnyNode): number {
  if (!isElement(node)) return 0;
  if (node.name === "a") return normalizeText(blockText(node)).length;
  return node.children.reduce((n, c) => n + linkText(c), 0);
}

function hasBlockInside(el: Element): boolean {
  return el.children.some((c) => isElement(c) && (!INLINE_TAGS.has(c.name) || hasBlockInside(c)));
}

/**
 * What `/\s+/g` → " " changes: runs of two or more, and single white-space characters other than a space
 * (replacing each lone space by a space cost more than the rest of a block).
 */
const WHITE_SPACE = /\s{2,}|[^\S ]/g;

function makeBlock(tag: string, nodes: AnyNode[], baseUrl: string): Block | null {
  const text = normalizeText(nodes.map(blockText).join(""));
  if (text === "") return null;
  const out = OUTPUT_TAG[tag] ?? "p";
  // Source indentation and NBSPs inside the markup are layout, not text (the text is normalized the same way).
  const markup = nodes.map((n) => render(n, { decodeEntities: false })).join("");
  const inner = sanitizeFragment(markup, baseUrl).replace(WHITE_SPACE, " ").trim();
  return {
    tag,
    text,
    html: `<${out}>${inner}</${out}>`,
    linkChars: nodes.reduce((n, c) => n + linkText(c), 0),
  };
}

function isBlank(node: AnyNode): boolean {
  return isElement(node) ? node.name === "br" : isBlankText(blockText(node));
}

/** A run of loose inline nodes made of nothing but `<time>` is a date stamp, not text. */
function isOnlyTime(run: AnyNode[]): boolean {
  return run.every((n) => (isElement(n) ? n.name === "time" : isBlankText(blockText(n))));
}

export function splitBlocks(container: Element, baseUrl: string): Block[] {
  const blocks: Block[] = [];
  const push = (block: Block | null) => {
    if (block) blocks.push(block);
  };
  const walk = (parent: Element) => {
    let run: AnyNode[] = [];
    let breaks = 0;
    const flush = () => {
      // Line breaks that separated this run from the next one belong to neither.
      while (run.length > 0 && isBlank(run[run.length - 1] as AnyNode)) run.pop();
      if (run.length > 0 && !isOnlyTime(run)) push(makeBlock("text", run, baseUrl));
      run = [];
      breaks = 0;
    };
    for (const node of parent.children) {
      if (!isElement(node)) {
        if (node.type === "text") {
          run.push(node);
          if (!isBlankText(blockText(node))) breaks = 0;
        }
        continue;
      }
      if (SKIP_TAGS.has(node.name)) continue;
      if (node.name === "br") {
        breaks++;
        if (breaks >= 2) flush();
        else run.push(node);
        continue;
      }
      if (INLINE_TAGS.has(node.name) && !hasBlockInside(node)) {
        run.push(node);
        breaks = 0;
        continue;
      }
      flush();
      if (BLOCK_TAGS.has(node.name) || !hasBlockInside(node))
        push(makeBlock(node.name, node.children, baseUrl));
      else walk(node);
    }
    flush();
  };
  walk(container);
  return blocks;
}
