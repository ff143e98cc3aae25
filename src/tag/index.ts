export type { CompiledTagger } from "./compile.js";
export { compileRules } from "./compile.js";
export { combineRules, DEFAULT_RULES } from "./default-rules.js";
export { explainTags, snippet } from "./explain.js";
export { foldCase, normalizeForTagging } from "./normalize.js";
export type { TagRule, TagRuleInput } from "./rule-schema.js";
export { parseTagRules, tagRuleSchema, tagRulesSchema } from "./rule-schema.js";
export type { TagOptions } from "./tag-text.js";
export { tagText } from "./tag-text.js";
