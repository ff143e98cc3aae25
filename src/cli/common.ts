import { type LoadedConfig, loadConfig } from "../config/load.js";
import { createLogger, type Logger } from "../log.js";
import { articleRefCandidates } from "../sources/canonical-url.js";
import type { WatchedArticle } from "../store/store.js";
import { Store } from "../store/store.js";
import { type CliIO, CommandError } from "./io.js";

export interface GlobalOptions {
  config?: string;
}

export function configFrom(io: CliIO, options: GlobalOptions): LoadedConfig {
  return loadConfig(options.config, io.env, io.cwd);
}

/** Logs go to stderr for query commands, so their stdout stays clean for pipes. */
export function loggerFor(config: LoadedConfig, io: CliIO, toStderr: boolean): Logger {
  const level = io.env.REVFEED_LOG_LEVEL ?? config.log.level;
  return createLogger(level, toStderr ? (io.stderr as never) : (io.stdout as never));
}

export function openReadStore(config: LoadedConfig): Store {
  try {
    return Store.open(config.stateDir);
  } catch (err) {
    throw new CommandError(`cannot open the database in ${config.stateDir}: ${(err as Error).message}`);
  }
}

/** `<article>`: internal id, article URL (any alias) or the site's numeric id. */
export function resolveArticle(store: Store, ref: string): WatchedArticle {
  const trimmed = ref.trim();
  let found: WatchedArticle | null = null;
  if (/^\d+$/.test(trimmed)) {
    found = store.findArticle({ id: Number(trimmed) }) ?? store.findArticle({ siteId: trimmed });
  } else {
    found = store.findArticle({ keys: articleRefCandidates(trimmed), url: trimmed });
  }
  if (!found)
    throw new CommandError(`no article matches "${ref}" (give its id, URL or the site's numeric id)`);
  return found;
}
