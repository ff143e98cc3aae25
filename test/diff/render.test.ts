import { describe, expect, it } from "vitest";
import { type DiffFormat, diffRevisions, renderDiff, toJsonDiff } from "../../src/diff/index.js";

/** Ten paragraphs; the new side edits ¶5 and appends ¶11. */
function longPair() {
  const old = Array.from({ length: 10 }, (_, i) => `Абзац номер ${i + 1} о заседании ОТГ в Баку.`);
  const neu = old.map((p, i) => (i === 4 ? p.replace("Баку", "Астане") : p));
  neu.push("Новый абзац в конце.");
  return diffRevisions({ title: "Заголовок", paragraphs: old }, { title: "Заголовок", paragraphs: neu });
}

describe("context", () => {
  it("collapses unchanged paragraphs far from changes into one counted line", () => {
    const text = renderDiff(longPair(), "text", { context: 1 });
    expect(text.match(/… 3 unchanged paragraphs …/g)).toHaveLength(2);
    expect(text).toContain("@@ ¶4 @@");
    expect(text).toContain("@@ ¶10 @@");
    expect(text).not.toContain("Абзац номер 1 ");
  });

  it("shows only the changes with context 0, and everything without a context", () => {
    const none = renderDiff(longPair(), "color", { color: false, context: 0 });
    expect(none).not.toContain("Абзац номер 4 ");
    expect(none).toContain("… 4 unchanged paragraphs …");
    expect(none).toContain("… 5 unchanged paragraphs …");
    const one = diffRevisions(
      { title: "", paragraphs: ["a", "b", "c"] },
      { title: "", paragraphs: ["a", "b", "d"] },
    );
    expect(renderDiff(one, "text", { context: 0 })).toContain("… 2 unchanged paragraphs …");
    expect(renderDiff(one, "text", { context: 1 })).toContain("… 1 unchanged paragraph …");
    const all = renderDiff(longPair(), "color", { color: false });
    for (let i = 1; i <= 10; i++) expect(all).toContain(`Абзац номер ${i} `);
    expect(all).not.toContain("unchanged");
  });

  it("applies to JSON as skip entries", () => {
    const json = toJsonDiff(longPair(), { context: 0 });
    expect(json.paragraphs.map((p) => p.op)).toEqual(["skip", "change", "skip", "insert"]);
    expect(json.paragraphs[0]).toEqual({ op: "skip", count: 4 });
    expect(json.paragraphs[1]).toMatchObject({ op: "change", old: 5, new: 5 });
  });
});

describe("color", () => {
  const change = () =>
    diffRevisions(
      { title: "t", paragraphs: ["a \u001b[2J b", "x"] },
      { title: "t", paragraphs: ["a \u001b[2J c", "x"] },
    );

  it("uses ANSI red strike and green underline when on", () => {
    const out = renderDiff(change(), "color", { color: true });
    expect(out).toContain("\u001b[31;9mb\u001b[0m");
    expect(out).toContain("\u001b[32;4mc\u001b[0m");
  });

  it("uses [-…-]{+…+} markers and no escape codes when off", () => {
    const out = renderDiff(change(), "color", { color: false });
    expect(out).toContain("[-b-]{+c+}");
    expect(out).not.toContain("\u001b");
  });

  it("never passes control characters from the text to the terminal", () => {
    expect(renderDiff(change(), "color", { color: true })).not.toContain("\u001b[2J");
    expect(renderDiff(change(), "text")).not.toContain("\u001b");
  });
});

describe("html", () => {
  const change = () =>
    diffRevisions(
      { title: "A & B", paragraphs: ["<b>old</b> & 'x'", "same", "gone"] },
      { title: "A & C", paragraphs: ['<b>new</b> & "x"', "same", "<i>added</i>"] },
    );

  it("escapes all text and uses inline styles only", () => {
    for (const layout of ["inline", "side-by-side"] as const) {
      const html = renderDiff(change(), "html", { layout });
      expect(html).not.toMatch(/<(?:b|i|script)>/);
      expect(html).toContain("&lt;b&gt;");
      expect(html).toContain("A &amp; ");
      expect(html).not.toMatch(/class=|<style/);
    }
  });

  it("carries visible markers that survive stripped styling", () => {
    const html = renderDiff(change(), "html");
    const text = html.replace(/<[^>]+>/g, "");
    expect(text).toContain("[− B −]");
    expect(text).toContain("[+ C +]");
    expect(text).toContain("[+ &lt;i&gt;added&lt;/i&gt; +]");
  });

  it("lays out side by side as a two-column table", () => {
    const html = renderDiff(change(), "html", { layout: "side-by-side", headings: ["Было", "Стало"] });
    expect(html).toContain("<table");
    expect(html).toContain(">Было</th>");
    const rows = html.match(/<tr>/g) ?? [];
    expect(rows.length).toBe(2 + 4); // headings, title, change, same, delete-or-insert pair (2 rows)
  });
});

describe("renderDiff", () => {
  it("names an unknown format", () => {
    expect(() => renderDiff(longPair(), "pdf" as DiffFormat)).toThrow(/unknown format "pdf"/);
  });

  it("leaves the summary out on request", () => {
    expect(renderDiff(longPair(), "text", { summary: false })).not.toContain("labels:");
    expect(renderDiff(longPair(), "text")).toContain("# labels: appended, correction");
  });
});
