import { z } from "zod";

/**
 * ## Tag rules
 *
 * A rule gives one tag. Several rules may give the same tag (each is named in the evidence by its `id`).
 * Rules go in the config file's `tags.rules` list or in the YAML file named by `tags.file` (a list of
 * rules, or `{ rules: [...] }`). They are added to the shipped vocabulary, or replace it with
 * `tags.replaceDefaults: true`. A user rule with the `id` of a shipped rule replaces that rule.
 *
 * ```yaml
 * tags:
 *   rules:
 *     - tag: ots                 # the tag given (lower-case slug)
 *       id: ots-abbreviation     # name shown in the evidence (default: the tag)
 *       names:                   # strong patterns: one match is enough; case-insensitive
 *         - 'organi[sz]ation\s+of\s+(the\s+)?turkic\s+states'
 *       abbreviations:           # weak patterns: case-sensitive unless caseSensitive: false
 *         - 'OTS\+?'
 *         - 'ОТГ\+?'
 *       requires:                # what a weak (abbreviation-only) match needs to count
 *         tags: [member-az, member-kz, ots-summit-word]   # one of these tags found in the text ...
 *         patterns: ['turkic']   # ... or one of these patterns (case-insensitive)
 *         within: 0              # ... within this many characters of the match (0: anywhere)
 *       guards:                  # cancel a weak match when one of these is near it
 *         patterns: ['громад\p{L}*', 'one[-\s]time\s+settlement']
 *         within: 60             # characters either side of the match (default 60)
 *         wholeText: true        # a guarded abbreviation cancels every equal abbreviation in the text
 *     - tag: ots-summit          # derived tag: every tag in allOf present, plus one of its names
 *       allOf: [ots]
 *       names: ['summit', 'саммит\p{L}*']
 *     - tag: member-az
 *       signal: true             # computed and usable in requires/allOf, but not reported
 *       names: ['azerbaijan\p{L}*', 'азербайджан\p{L}*']
 * ```
 *
 * Patterns are JavaScript regular expressions (flag `u`, so `\p{L}` works). Write them in lower case;
 * they match whole words only: no letter or digit may touch either end (add `\p{L}*` for suffixes).
 * Before matching, text is normalised: NFC, soft hyphens dropped, NBSP as space, every apostrophe as
 * `'`, Latin/Cyrillic look-alike letters inside a mixed-script word mapped to the word's script, and,
 * for names, lower-cased with `i`, `ı` and `İ` treated alike. Use `'` for any apostrophe in patterns.
 * When two patterns match at the same place, both count.
 */

const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]*$/, "a lower-case tag of letters, digits, '.', '_' or '-'");

const pattern = z.string().min(1, "a non-empty regular expression");

export const tagRuleSchema = z
  .strictObject({
    tag: slug,
    id: z.string().min(1).optional(),
    description: z.string().optional(),
    names: z.array(pattern).default([]),
    abbreviations: z.array(pattern).default([]),
    caseSensitive: z.boolean().default(true),
    requires: z
      .strictObject({
        tags: z.array(slug).default([]),
        patterns: z.array(pattern).default([]),
        within: z.number().int().min(0).default(0),
      })
      .optional(),
    guards: z
      .strictObject({
        patterns: z.array(pattern).min(1),
        within: z.number().int().min(0).default(60),
        wholeText: z.boolean().default(true),
      })
      .optional(),
    allOf: z.array(slug).default([]),
    signal: z.boolean().default(false),
  })
  .refine((r) => r.names.length > 0 || r.abbreviations.length > 0 || r.allOf.length > 0, {
    message: "a rule needs names, abbreviations or allOf",
  });

/** A rule as users write it (optional fields may be left out). */
export type TagRuleInput = z.input<typeof tagRuleSchema>;
/** A rule with every default filled in. */
export type TagRule = z.output<typeof tagRuleSchema>;

export const tagRulesSchema = z.array(tagRuleSchema);

/** Validates user rules; the error names the rule (by index and tag) and the field. */
export function parseTagRules(input: unknown, origin = "tags.rules"): TagRule[] {
  const result = tagRulesSchema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue?.path ?? [];
  const index = typeof path[0] === "number" ? path[0] : undefined;
  const tag =
    index !== undefined && Array.isArray(input)
      ? (input[index] as { tag?: unknown } | undefined)?.tag
      : undefined;
  const where = [origin, ...path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))]
    .join("")
    .replace(/\.\[/g, "[");
  const named = typeof tag === "string" ? ` (tag ${tag})` : "";
  throw new Error(`tag rule ${where}${named}: ${issue?.message ?? "invalid"}`);
}
