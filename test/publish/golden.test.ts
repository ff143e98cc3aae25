import { describe, expect, it } from "vitest";
import type { PublishArticle } from "../../src/publish/input.js";
import { type PublishInput, renderAll } from "../../src/publish/publish-all.js";
import { feedConfig, hostileArticle, plainArticle, revision, site, storyArticle } from "./factory.js";

/**
 * The published bytes, file by file, as golden files next to this test. Renderers that assemble
 * documents from cached parts must give exactly what one whole-document render gives; a change of bytes
 * shows here as a diff to review (regenerate on purpose with `npx vitest run -u`).
 */

const golden = (file: string) => `./__goldens__/${file.replace(/\//g, "_")}`;

/** Line breaks an XML parser normalizes (CR LF, lone CR, NEL, LS, PS) in text, titles and diffs. */
function lineBreakArticle(): PublishArticle {
  const text = "<p>one\r\ntwo\rthree\u0085four\u2028five\u2029six\r\u0085seven</p>";
  return plainArticle({
    id: 10,
    title: "Line\u0085breaks\u2028in a title",
    revisions: [
      revision({
        seq: 2,
        observedAt: "2025-10-24T11:00:00.000Z",
        paragraphsHtml: [text, "<p>b\r\n</p>"],
        diffHtml: `<p><ins>[+ a\r\nb +]</ins></p>`,
        labels: ["appended"],
        wordsAdded: 2,
      }),
      revision({ seq: 1, observedAt: "2025-10-24T10:00:00.000Z", paragraphsHtml: [text], labels: ["new"] }),
    ],
    updatedAt: "2025-10-24T11:00:00.000Z",
  });
}

function input(): PublishInput {
  return {
    site: site({ hub: "https://hub.example.org/" }),
    feeds: [
      feedConfig({ includeMinor: true }),
      feedConfig({ name: "ots", title: "OTS & <friends>", tags: ["ots"], languages: ["ru"], limit: 2 }),
      feedConfig({ name: "none", title: "Nothing yet", tags: ["no-such-tag"] }),
    ],
    articles: [storyArticle(), plainArticle(), hostileArticle(), lineBreakArticle()],
  };
}

describe("published bytes", () => {
  const files = renderAll(input());

  it("renders every feed in every format, and a per-article feed for each article shown", () => {
    expect(files.map((f) => f.path)).toMatchInlineSnapshot(`
      [
        "all.atom",
        "all.rss",
        "all.json",
        "all.revisions.atom",
        "all.revisions.rss",
        "all.revisions.json",
        "ots.atom",
        "ots.rss",
        "ots.json",
        "ots.revisions.atom",
        "ots.revisions.rss",
        "ots.revisions.json",
        "none.atom",
        "none.rss",
        "none.json",
        "none.revisions.atom",
        "none.revisions.rss",
        "none.revisions.json",
        "articles/7.atom",
        "articles/8.atom",
        "articles/9.atom",
        "articles/10.atom",
      ]
    `);
  });

  it.each(files.map((f) => [f.path, f.content]))("%s matches its golden file", async (path, content) => {
    await expect(content).toMatchFileSnapshot(golden(path));
  });
});
