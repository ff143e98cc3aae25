import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Parser } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { articlePage } from "../../bench/lib/pages.js";
import { isWholeMarkup } from "../../src/extract/skim.js";
import { mutate, random } from "./page-mutations.js";

/** Start positions of the tags htmlparser2 opens outside SVG/MathML (what a region must start at). */
function htmlTagStarts(html: string): Set<number> {
  const starts = new Set<number>();
  class Probe extends Parser {
    override onopentagname(start: number, endIndex: number): void {
      if (!this.isInForeignContext()) starts.add(start - 1);
      super.onopentagname(start, endIndex);
    }
  }
  new Probe({}).end(html);
  return starts;
}

const PIECES = [
  "текст ",
  "a < b ",
  "<",
  ">",
  '"',
  "'",
  "=",
  "/",
  "&#60;",
  "&lt;",
  '<div class="x">',
  "<div class='a>b'>",
  '<a href=x/y title="q">',
  '<a x="1"y=2>',
  "<a =x>",
  '<a x"y=1>',
  "<a x= >",
  "<br/>",
  "<img src=a.png/>",
  "</div>",
  "</div x='>'>",
  "</ div>",
  "</>",
  "</1>",
  "<!-- c -->",
  "<!-->",
  "<!--->",
  "<!---->",
  "<!-- a --!>",
  "<!-- a -- b -->",
  "<!-- open ",
  "<!x>",
  "<!DOCTYPE html>",
  "<?x y?>",
  "<![CDATA[x]]>",
  "<script>if (a<b) x('</div>');</script>",
  "<script>a</scriptx>b</script >",
  "<SCRIPT type=x>y</Script>",
  "<script>",
  "</script>",
  "<style>p>a{}</style>",
  "<title>&lt;div&gt;</title>",
  "<textarea><p></textarea>",
  "<xmp><b></xmp>",
  "<iframe><p></iframe>",
  "<noembed>x</noembed>",
  "<noframes>x</noframes>",
  "<plaintext>",
  "<template>",
  "</template>",
  "<svg>",
  "</svg>",
  "<svg/>",
  '<svg viewBox="0 0 1 1"><path d="M0"/></svg>',
  "<svg><title>t</title></svg>",
  "<svg><desc>d</desc><title>a<b>c</title></svg>",
  "<svg/><title>t</title>",
  "<svg/><title>a<b</title>",
  "<math><title>x</title><mi>y</mi></math>",
  "<svg><style>s</style></svg>",
  "<math><mi>x</mi></math>",
  "<foreignObject>",
  "<p>",
  "</p>",
  "<form>",
  "\u001c/script>",
  "\u000f",
  "</scriptx>",
  "</script",
  "</style x>",
  "-- >",
  "--",
  "<!--",
  "]]>",
  "<svg><a>",
  "</a></svg>",
  "<a x=",
  "<a x='",
  " y=",
  " z ",
];

function randomMarkup(rnd: () => number): string {
  let s = "";
  for (let n = Math.floor(rnd() * 14); n > 0; n--) s += PIECES[Math.floor(rnd() * PIECES.length)];
  return s;
}

describe("isWholeMarkup: htmlparser2 reads a tag where it says one starts", () => {
  it("on random token soup (checked against htmlparser2 itself)", () => {
    const rnd = random(42);
    let proved = 0;
    for (let i = 0; i < 30_000; i++) {
      const html = `${randomMarkup(rnd)}<div id="probe">`;
      const at = html.length - '<div id="probe">'.length;
      if (!isWholeMarkup(html, 0, at)) continue;
      proved++;
      expect(htmlTagStarts(html).has(at), JSON.stringify(html)).toBe(true);
    }
    expect(proved).toBeGreaterThan(3000);
  });

  it("on real and mutated pages, from one tag start to another", () => {
    const dir = path.resolve(import.meta.dirname, "../fixtures/pages");
    const pages = [
      ...readdirSync(dir).map((f) => readFileSync(path.join(dir, f), "utf8")),
      articlePage(1, 0),
      articlePage(2, 2),
    ];
    const rnd = random(7);
    let proved = 0;
    for (let i = 0; i < 150; i++) {
      const base = pages[Math.floor(rnd() * pages.length)] as string;
      const html = i < pages.length ? base : mutate(base, rnd).html;
      const starts = htmlTagStarts(html);
      const candidates = [...html.matchAll(/<[a-zA-Z]/g)].map((m) => m.index);
      const froms = [0, ...[...starts].filter(() => rnd() < 0.05)];
      for (const from of froms) {
        for (let k = 0; k < 6; k++) {
          const to = candidates[Math.floor(rnd() * candidates.length)] as number;
          if (to <= from || !isWholeMarkup(html, from, to)) continue;
          proved++;
          expect(starts.has(to), `${i}: ${from}..${to} ${JSON.stringify(html.slice(to - 80, to + 20))}`).toBe(
            true,
          );
        }
      }
    }
    expect(proved).toBeGreaterThan(200);
  });

  it("refuses what it does not model", () => {
    const at = (s: string) => isWholeMarkup(`${s}<p>`, 0, s.length);
    expect(at('<div class="a">x</div><script>a<b</script><!-- c -->')).toBe(true);
    for (const s of [
      "<!-- open",
      "<plaintext>",
      "<![CDATA[x]]>",
      "<script>",
      "<svg>",
      "<template>",
      '<a x="1"y=2>',
      "<a =x>",
    ]) {
      expect(at(s), s).toBe(false);
    }
  });
});
