import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { ConfigError, type LoadedConfig } from "./config/load.js";
import type { TagResult } from "./model.js";
import { compileRules } from "./tag/compile.js";
import { combineRules } from "./tag/default-rules.js";
import { parseTagRules, type TagRuleInput } from "./tag/rule-schema.js";
import { tagText } from "./tag/tag-text.js";

export interface Tagger {
  tag(text: string, lang: string | null): TagResult[];
}

/**
 * The tagger for a configuration: the shipped vocabulary (unless `tags.replaceDefaults`), plus rules from
 * `tags.file` and `tags.rules`. A bad rule is a configuration error (exit status 2) naming where it is.
 */
export function loadTagger(config: LoadedConfig): Tagger {
  const where = config.configPath ?? "configuration";
  const userRules: TagRuleInput[] = [];
  try {
    if (config.tags.file) {
      let raw: unknown;
      try {
        raw = parseYaml(readFileSync(config.tags.file, "utf8"));
      } catch (err) {
        throw new Error(
          `${config.tags.file}: cannot read tag rules (${(err as Error).message.split("\n")[0]})`,
        );
      }
      const list = Array.isArray(raw) ? raw : (raw as { rules?: unknown } | null)?.rules;
      userRules.push(...parseTagRules(list ?? [], config.tags.file));
    }
    userRules.push(...parseTagRules(config.tags.rules, `${where}: tags.rules`));
    // A user rule with the id of a shipped rule replaces it; replaceDefaults drops the shipped ones.
    const compiled = compileRules(combineRules(userRules, { replaceDefaults: config.tags.replaceDefaults }));
    return { tag: (text, lang) => tagText(compiled, text, { lang: lang ?? undefined }) };
  } catch (err) {
    throw err instanceof ConfigError ? err : new ConfigError((err as Error).message);
  }
}
