import { compile } from "css-select";
import type { AnyNode, Element } from "domhandler";
import { parseDocument } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { keyLiteral, mayContain, mayMatchIn, parseSelector } from "../../src/extract/selector-literals.js";
import { random } from "./page-mutations.js";

const SELECTORS = [
  "div.article-content",
  "[itemprop='articleBody']",
  ".article-text",
  ".top-part h1",
  ".article h1",
  "h1[itemprop='headline']",
  "meta[property='og:title']",
  ".top-part .date-time, .date-time",
  "a[href*='/author/']",
  "[itemprop='datePublished'][datetime], time[datetime]",
  "html[lang]",
  "title",
  "img[alt]",
  "[rel='author']",
  "ul.news-list > li",
];

const TAGS = [
  "div",
  "DIV",
  "h1",
  "H1",
  "meta",
  "a",
  "span",
  "time",
  "html",
  "title",
  "img",
  "image",
  "ul",
  "li",
];
const NAMES = [
  "class",
  "CLASS",
  "itemprop",
  "ItemProp",
  "property",
  "href",
  "datetime",
  "DateTime",
  "lang",
  "rel",
  "alt",
  "id",
];
const VALUES = [
  "article-content",
  "x article-content y",
  "&#97;rticle-content",
  "&#x61;uthor",
  "/&#97;uthor/x",
  "&fjlig;",
  "&amp;article",
  "Article-Content",
  "article",
  "top-part",
  "date-time",
  "date&#45;time",
  "articleBody",
  "headline",
  "og:title",
  "og&colon;title",
  "/author/",
  "AUTHOR",
  "author",
  "datePublished",
  "ru",
  "news-list",
  "",
];

describe("selector literals", () => {
  it("every literal of a compound is in the start tag of each element matching it", () => {
    const rnd = random(3);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)] as T;
    const compounds = SELECTORS.flatMap((s) => parseSelector(s).flat()).map((c) => ({
      ...c,
      test: compile<AnyNode, Element>(c.source),
    }));
    const subjects = SELECTORS.map((s) => ({
      parsed: parseSelector(s),
      tests: parseSelector(s).map((c) => compile<AnyNode, Element>(c.at(-1)?.source ?? "")),
    }));
    let matched = 0;
    for (let i = 0; i < 20_000; i++) {
      const attrs = Array.from({ length: Math.floor(rnd() * 4) }, () => {
        const value = pick(VALUES);
        return rnd() < 0.2
          ? ` ${pick(NAMES)}`
          : ` ${pick(NAMES)}=${rnd() < 0.5 ? `"${value}"` : `'${value}'`}`;
      }).join("");
      const tag = `<${pick(TAGS)}${attrs}>`;
      const el = parseDocument(`${tag}x`).children.find((n): n is Element => n.type === "tag");
      if (!el) continue;
      const refs = tag.includes("&#");
      for (const compound of compounds) {
        if (!compound.test(el)) continue;
        matched++;
        for (const literal of compound.literals)
          expect(mayContain(tag, literal, refs), `${tag} ${compound.source}`).toBe(true);
      }
      for (const { parsed, tests } of subjects) {
        if (tests.some((test) => test(el))) expect(mayMatchIn(tag, parsed)).toBe(true);
      }
    }
    expect(matched).toBeGreaterThan(1000);
  });

  it("picks a rare key literal for each compound", () => {
    const key = (s: string) => parseSelector(s).map((c) => c.map((compound) => keyLiteral(compound).text));
    expect(key("div.article-content")).toEqual([["article-content"]]);
    expect(key(".top-part h1")).toEqual([["top-part", "<h1"]]);
    expect(key("a[href*='/author/']")).toEqual([["author"]]);
    expect(key("time[datetime]")).toEqual([["<time"]]);
    expect(key("html[lang], title")).toEqual([["<html"], ["<title"]]);
  });

  it("refuses selectors outside the subset it understands", () => {
    for (const s of ["a + b", "a ~ b", "*", "p:first-child", "[x='a' i]", "a::before", "#id"]) {
      expect(() => parseSelector(s), s).toThrow(/selector-literals/);
    }
  });
});
