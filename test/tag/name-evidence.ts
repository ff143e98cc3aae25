import { compileRules } from "../../src/tag/compile.js";
import { DEFAULT_RULES } from "../../src/tag/default-rules.js";
import { tagText } from "../../src/tag/tag-text.js";

const tagger = compileRules(DEFAULT_RULES);

/** The tags the shipped rules give `text`, and what the `ots` rule `rule` matched in it. */
export function nameEvidence(rule: string, text: string, lang?: string) {
  const results = tagText(tagger, text, lang === undefined ? {} : { lang });
  return {
    tags: results.map((r) => r.tag),
    names: (results.find((r) => r.tag === "ots")?.evidence ?? [])
      .filter((e) => e.rule === rule)
      .map((e) => e.match),
  };
}
