import { describe, expect, it } from "vitest";
import { diffRevisions, renderDiff } from "../../src/diff/index.js";
import { diffCases } from "./cases.js";

describe.each(diffCases())("$name", (c) => {
  it(`is labelled ${c.labels.join(", ") || "(none)"}`, () => {
    const change = diffRevisions(c.old, c.new, c.opts);
    expect(change.labels).toEqual(c.labels);
    expect(change.minor).toBe(c.minor ?? false);
    expect(change.stats.appendOnly).toBe(c.appendOnly ?? false);
  });

  it("renders as its golden file", async () => {
    const change = diffRevisions(c.old, c.new, c.opts);
    await expect(renderDiff(change, "text")).toMatchFileSnapshot(`../fixtures/diff/cases/${c.name}.txt`);
  });
});
