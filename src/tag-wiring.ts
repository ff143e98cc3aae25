import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { ConfigError, type LoadedConfig } from "./config/load.js";
import type { TagResult } from "./model.js";
import { compileRules } from "./tag/compile.js";
import { DEFAULT_RULES } from "./tag/default-rules.js";
import { parseTagRules, type TagRule } from "./tag/rule-schema.js";
import { tagText } from "./tag/tag-text.js";

export interface Tagger {
  tag(text: string, lang: string | null): TagResult[];
}

/**
 * The tagger for a configuration: the shipped vocabulary (unless `tags.replaceDefaults`), then rules from
 * `tags.file`, then `tags.rules`. A bad rule is a configuration error (exit status 2) naming where it is.
 */
export function loadTagger(config: LoadedConfig): Tagger {
  const where = config.configPath ?? "configuration";
  const rules: TagRule[] = config.tags.replaceDefaults
    ? []
    : [...parseTagRules(DEFAULT_RULES, "default rules")];
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
      rules.push(...parseTagRules(list ?? [], config.tags.file));
    }
    rules.push(...parseTagRules(config.tags.rules, `${where}: tags.rules`));
    const compiled = compileRules(rules);
    return { tag: (text, lang) => tagText(compiled, text, { lang: lang ?? undefined }) };
  } catch (err) {
    throw err instanceof ConfigError ? err : new ConfigError((err as Error).message);
  }
}
