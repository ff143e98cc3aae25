import sanitizeHtml from "sanitize-html";
import { describe, expect, it } from "vitest";
import { sanitizeForFeed } from "../../src/publish/sanitize.js";
import { DIFF_STYLES, STYLED_TAGS } from "../../src/publish/sanitize-styles.js";

/** Diff styles are filtered once per distinct value; the result must be sanitize-html's own filter's. */

const STYLES = [
  "background-color:#d4fcbc;text-decoration:none",
  "background-color:#fbb;text-decoration:line-through",
  "color:#555",
  "COLOR: RED",
  "color: red !important",
  "font-weight:bold; position:fixed; top:0",
  "background:url(javascript:alert(1))",
  "color:red}p{color:blue",
  "color:expression(alert(1))",
  "text-decoration:underline;;color:green;",
  'color:"red"',
  "color:&quot;red&quot;",
  "",
  "/* comment */ color: blue",
  "font-weight:900;font-weight:100",
];

const oracle = (html: string) =>
  sanitizeHtml(html, {
    allowedTags: [...STYLED_TAGS, "b"],
    allowedAttributes: Object.fromEntries(STYLED_TAGS.map((t) => [t, ["style"]])),
    allowedStyles: DIFF_STYLES,
  });

describe("diff styles", () => {
  it("are kept, cut or dropped exactly as sanitize-html's style filter does", () => {
    let kept = 0;
    for (const tag of STYLED_TAGS) {
      for (const style of STYLES) {
        const html = `<p><${tag} style="${style.replace(/"/g, "&quot;")}">[+ слово +]</${tag}> <b>x</b></p>`;
        const want = oracle(html);
        if (want.includes("style=")) kept += 1;
        expect(sanitizeForFeed(html, "https://ru.trend.az/a/1.html", { diffStyles: true }), html).toBe(want);
      }
    }
    // Some styles survive and some do not, or the comparison proves little.
    expect(kept).toBeGreaterThan(10);
    expect(kept).toBeLessThan(STYLED_TAGS.length * STYLES.length);
  });

  it("are dropped everywhere outside diffs", () => {
    expect(sanitizeForFeed('<p><span style="color:red">x</span></p>', "https://ru.trend.az/a/1.html")).toBe(
      "<p><span>x</span></p>",
    );
  });
});
