import type { TagRuleInput } from "./rule-schema.js";
import { BODY_RULES } from "./vocabulary/bodies.js";
import { OTS_RULES } from "./vocabulary/ots.js";
import { SIGNAL_RULES } from "./vocabulary/signals.js";

/** The shipped vocabulary: the organization, its bodies and documents, and supporting signals. */
export const DEFAULT_RULES: readonly TagRuleInput[] = [...OTS_RULES, ...BODY_RULES, ...SIGNAL_RULES];

/**
 * The rules in force for a `tags:` config section: user rules added to the defaults (a user rule with
 * the id of a default rule replaces it), or alone with `replaceDefaults`.
 */
export function combineRules(
  userRules: readonly TagRuleInput[],
  opts: { replaceDefaults?: boolean } = {},
): TagRuleInput[] {
  if (opts.replaceDefaults === true) return [...userRules];
  const replaced = new Set(userRules.map((r) => r.id).filter((id): id is string => id !== undefined));
  return [...DEFAULT_RULES.filter((r) => !replaced.has(r.id ?? r.tag)), ...userRules];
}
