import { readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml, YAMLParseError } from "yaml";
import type { z } from "zod";
import { type Config, configSchema } from "./schema.js";

/** A configuration problem: the CLI prints `message` and exits with status 2. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Config plus where it came from; folder settings are absolute. */
export interface LoadedConfig extends Config {
  configPath: string | null;
}

function describeIssue(file: string, issue: z.core.$ZodIssue): string {
  const key = issue.path.length > 0 ? issue.path.map(String).join(".") : "(top level)";
  return `${file}: ${key}: ${issue.message}`;
}

/** Pure: YAML text -> validated config with paths resolved against `baseDir`. */
export function parseConfig(text: string, file: string, baseDir: string): LoadedConfig {
  let raw: unknown;
  try {
    raw = parseYaml(text) ?? {};
  } catch (err) {
    const where = err instanceof YAMLParseError && err.linePos ? ` line ${err.linePos[0].line}` : "";
    throw new ConfigError(`${file}:${where} not valid YAML: ${(err as Error).message.split("\n")[0]}`);
  }
  const result = configSchema.safeParse(raw);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => describeIssue(file, i)).join("\n"));
  }
  const config = result.data;
  const ids = new Set<string>();
  for (const [i, source] of config.sources.entries()) {
    if (ids.has(source.id))
      throw new ConfigError(`${file}: sources.${i}.id: duplicate source id "${source.id}"`);
    ids.add(source.id);
  }
  const names = new Set<string>();
  for (const [i, feed] of config.publish.entries()) {
    if (names.has(feed.name))
      throw new ConfigError(`${file}: publish.${i}.name: duplicate feed name "${feed.name}"`);
    names.add(feed.name);
  }
  return {
    ...config,
    stateDir: path.resolve(baseDir, config.stateDir),
    feedsDir: path.resolve(baseDir, config.feedsDir),
    baseUrl: config.baseUrl.replace(/\/+$/, ""),
    tags: { ...config.tags, file: config.tags.file ? path.resolve(baseDir, config.tags.file) : undefined },
    configPath: file,
  };
}

/**
 * Finds and reads the configuration: `--config PATH`, else REVFEED_CONFIG, else `revfeed.config.yaml`
 * in the working folder.
 */
export function loadConfig(
  explicitPath: string | undefined,
  env: NodeJS.ProcessEnv,
  cwd: string,
): LoadedConfig {
  const file = path.resolve(cwd, explicitPath ?? env.REVFEED_CONFIG ?? "revfeed.config.yaml");
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ConfigError(`${file}: cannot read configuration (${code ?? (err as Error).message})`);
  }
  return parseConfig(text, file, path.dirname(file));
}
