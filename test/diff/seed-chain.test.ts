import { describe, expect, it } from "vitest";
import { applyChange, diffRevisions, renderDiff } from "../../src/diff/index.js";
import { seedChain } from "./seed-chain.js";

const GOLDEN = "../fixtures/diff/seed";

describe("seed story chain", () => {
  it("v1 → v2: headline, appended paragraphs and the corrected name", () => {
    const [v1, v2] = seedChain();
    const change = diffRevisions(v1, v2);
    expect(change.labels).toEqual(["headline", "appended", "correction"]);
    expect(change.stats).toMatchObject({ paragraphsAdded: 3, paragraphsChanged: 1, paragraphsRemoved: 0 });
    const fix = change.paragraphs.find((p) => p.op === "change");
    expect(fix?.op === "change" && fix.words.filter((w) => w.op !== "equal")).toEqual([
      { op: "delete", text: "Куманычбек" },
      { op: "insert", text: "Кубанычбек" },
    ]);
    expect(change.title.words).toContainEqual({ op: "insert", text: " (ФОТО)" });
    expect(applyChange(v1, change)).toEqual({ title: v2.title, paragraphs: v2.paragraphs });
  });

  it("v2 → v3: only the marker went away", () => {
    const [, v2, v3] = seedChain();
    const change = diffRevisions(v2, v3);
    expect(change.labels).toEqual(["marker-removed"]);
    expect(change.minor).toBe(false);
    expect(change.paragraphs.filter((p) => p.op !== "equal")).toEqual([
      { op: "delete", oldIndex: 6, text: "Новость обновляется", marker: true },
    ]);
  });

  it("v3 → v1 given as a revert is labelled revert", () => {
    const [v1, , v3] = seedChain();
    expect(diffRevisions(v3, v1, { hash: "h1", earlierHashes: ["h1", "h2"] }).labels).toContain("revert");
    expect(diffRevisions(v3, v1, { hash: "h9", earlierHashes: ["h1", "h2"] }).labels).not.toContain("revert");
  });

  describe.each([
    ["v1-v2", 0, 1],
    ["v2-v3", 1, 2],
  ] as const)("%s golden renders", (name, from, to) => {
    const change = () => {
      const chain = seedChain();
      return diffRevisions(chain[from], chain[to]);
    };
    it.each([
      ["text", "text.txt", {}],
      ["text", "text-context1.txt", { context: 1 }],
      ["color", "color-ansi.txt", { color: true }],
      ["color", "color-plain.txt", { color: false, context: 2 }],
      ["html", "inline.html", {}],
      ["html", "side-by-side.html", { layout: "side-by-side", context: 1 }],
      ["json", "diff.json", {}],
    ] as const)("%s → %s", async (format, file, opts) => {
      await expect(renderDiff(change(), format, opts)).toMatchFileSnapshot(`${GOLDEN}/${name}.${file}`);
    });
  });
});
