import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { compileRules } from "../../src/tag/compile.js";
import { combineRules, DEFAULT_RULES } from "../../src/tag/default-rules.js";
import { explainTags } from "../../src/tag/explain.js";
import { parseTagRules } from "../../src/tag/rule-schema.js";
import { tagText } from "../../src/tag/tag-text.js";

describe("evidence", () => {
  it("points into the original text even when normalisation changed lengths", () => {
    const tagger = compileRules(DEFAULT_RULES);
    const text =
      "Делегация\u00a0прибыла на заседание Органи\u00adзации тюркских государств. Генсек ОТГ выступил.";
    const [ots] = tagText(tagger, text);
    expect(ots?.tag).toBe("ots");
    for (const e of ots?.evidence ?? []) expect(text.slice(e.start, e.end)).toBe(e.match);
    expect(ots?.evidence.map((e) => [e.rule, e.match])).toEqual([
      ["ots-name", "Органи\u00adзации тюркских государств"],
      ["ots-abbreviation support:turkic-word", "тюркских"],
      ["ots-abbreviation-context support:pattern", "Генсек"],
      ["ots-abbreviation", "ОТГ"],
      ["ots-abbreviation-context", "ОТГ"],
    ]);
  });

  it("names the supporting signal of an abbreviation", () => {
    const tagger = compileRules(DEFAULT_RULES);
    const text = "Kazakhstan will host the OTS forum.";
    expect(tagText(tagger, text)).toEqual([
      {
        tag: "ots",
        evidence: [
          { rule: "ots-abbreviation support:member-kz", match: "Kazakhstan", start: 0, end: 10 },
          { rule: "ots-abbreviation", match: "OTS", start: 25, end: 28 },
        ],
      },
    ]);
  });

  it("counts patterns that match at the same place", () => {
    const tagger = compileRules([
      { tag: "long", names: ["turkic\\s+states\\s+summit"] },
      { tag: "short", names: ["turkic"] },
    ]);
    expect(tagText(tagger, "The Turkic states summit").map((r) => r.tag)).toEqual(["long", "short"]);
  });
});

describe("user rules", () => {
  const yaml = `
tags:
  rules:
    - tag: caspian
      names: ['caspian\\s+sea', 'каспи\\p{L}*']
      abbreviations: ['CPC']
      requires: { tags: [oil], within: 40 }
      guards: { patterns: ['personal\\s+computer'], within: 30 }
    - tag: oil
      signal: true
      names: ['oil', 'нефт\\p{L}*']
    - tag: caspian-oil
      allOf: [caspian, oil]
`;
  const rules = parseTagRules((parse(yaml) as { tags: { rules: unknown } }).tags.rules);
  const tagger = compileRules(rules);

  it("tags with rules written in YAML, including a derived tag", () => {
    expect(tagText(tagger, "Oil flows along the CASPIAN SEA coast.").map((r) => r.tag)).toEqual([
      "caspian",
      "caspian-oil",
    ]);
    expect(tagText(tagger, "Нефть Каспия").map((r) => r.tag)).toEqual(["caspian", "caspian-oil"]);
  });

  it("applies requires.within and guards to abbreviations", () => {
    expect(tagText(tagger, "CPC oil exports rose.").map((r) => r.tag)).toContain("caspian");
    expect(tagText(tagger, `CPC exports rose. ${"x ".repeat(40)} Oil prices fell.`)).toEqual([]);
    expect(tagText(tagger, "CPC, a personal computer maker, buys oil.")).toEqual([]);
  });

  it("adds to the defaults, replaces a default rule with the same id, or replaces them all", () => {
    expect(combineRules(rules).length).toBe(DEFAULT_RULES.length + 3);
    const replaced = combineRules([{ tag: "ots", id: "ots-abbreviation", abbreviations: ["XYZ"] }]);
    expect(replaced.filter((r) => r.id === "ots-abbreviation")).toEqual([
      { tag: "ots", id: "ots-abbreviation", abbreviations: ["XYZ"] },
    ]);
    expect(combineRules(rules, { replaceDefaults: true })).toEqual(rules);
  });
});

describe("bad rules", () => {
  it("names the rule and field of an invalid regular expression", () => {
    expect(() => compileRules([{ tag: "broken", names: ["ok", "bad(("] }])).toThrow(
      /tag rule broken \(#1, tag broken\): names\[1\] is not a valid regular expression/,
    );
  });

  it("names the rule and field of a schema error", () => {
    expect(() =>
      parseTagRules([
        { tag: "fine", names: ["x"] },
        { tag: "Not A Slug", names: ["x"] },
      ]),
    ).toThrow(/tag rule tags\.rules\[1\]\.tag \(tag Not A Slug\): a lower-case tag/);
    expect(() => parseTagRules([{ tag: "empty" }])).toThrow(
      /tags\.rules\[0\] \(tag empty\): a rule needs names/,
    );
  });

  it("rejects patterns that match nothing, unknown tags and cycles", () => {
    expect(() => compileRules([{ tag: "e", names: ["x*"] }])).toThrow(/names\[0\] matches the empty string/);
    expect(() => compileRules([{ tag: "a", allOf: ["nope"] }])).toThrow(
      /allOf\[0\] names tag "nope", which no rule gives/,
    );
    expect(() =>
      compileRules([
        { tag: "a", allOf: ["b"] },
        { tag: "b", allOf: ["a"] },
      ]),
    ).toThrow(/cycle: a -> b -> a/);
  });
});

describe("explainTags", () => {
  it("lists each tag, rule and matched words in context", () => {
    const tagger = compileRules(DEFAULT_RULES);
    const long = `${"Начало. ".repeat(10)}Конец`;
    expect(
      explainTags([{ tag: "t", evidence: [{ rule: "r", match: "Начало", start: 48, end: 54 }] }], long),
    ).toBe(
      "t (1 match)\n  r at 48-54: …Начало. Начало. Начало. Начало. Начало. [Начало]. Начало. Начало. Начало. Конец\n",
    );
    const text = "В Баку прошло заседание Организации тюркских государств по вопросам промышленности.";
    expect(explainTags(tagText(tagger, text), text)).toBe(
      "ots (1 match)\n  ots-name at 24-55: В Баку прошло заседание [Организации тюркских государств] по вопросам промышленности.\n",
    );
    expect(explainTags([], text)).toBe("no tags\n");
  });
});
