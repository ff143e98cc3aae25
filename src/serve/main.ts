import type { Logger } from "pino";
import type { Clock } from "../clock.js";
import type { LoadedConfig } from "../config/load.js";
import { Store } from "../store/store.js";
import { feedLinksFor } from "./feed-links.js";
import { startServer } from "./server.js";

export interface ServeOptions {
  port?: number;
  host?: string;
}

export interface ServeDeps {
  clock: Clock;
  logger: Logger;
  /** A read-only store; opened from `config.stateDir` (and closed on shutdown) when absent. */
  store?: Store;
}

/** The URLs a new user needs: pages, API, health, and every configured feed. */
export function serveUrls(config: LoadedConfig, base: string): { name: string; url: string }[] {
  const urls = [
    { name: "articles", url: `${base}/` },
    { name: "api", url: `${base}/api/articles` },
    { name: "health", url: `${base}/healthz` },
    { name: "metrics", url: `${base}/metrics` },
  ];
  for (const feed of config.publish) {
    for (const link of feedLinksFor(feed)) urls.push({ name: link.title, url: `${base}${link.href}` });
  }
  return urls;
}

/**
 * `revfeed serve`: opens the database read-only, listens, logs the URLs to subscribe to, and resolves a
 * function that closes the server (waiting for requests in flight) and the database.
 */
export async function runServe(
  config: LoadedConfig,
  options: ServeOptions,
  deps: ServeDeps,
): Promise<() => Promise<void>> {
  let store = deps.store;
  const ownsStore = store === undefined;
  if (!store) {
    try {
      store = Store.open(config.stateDir, { readonly: true });
    } catch (err) {
      throw new Error(
        `serve: cannot open the database in ${config.stateDir} read-only (${(err as Error).message}); run \`revfeed once\` first to create it`,
      );
    }
  }
  const openStore = store;
  let started: Awaited<ReturnType<typeof startServer>>;
  try {
    started = await startServer(
      { config, store: openStore, clock: deps.clock, logger: deps.logger },
      options,
    );
  } catch (err) {
    if (ownsStore) openStore.close();
    throw err;
  }
  // 0.0.0.0 and :: are not addresses a browser can open: show localhost with the bound port.
  const unspecified = ["0.0.0.0", "::"].includes(started.address.address);
  const base = unspecified ? `http://localhost:${started.address.port}` : started.url;
  deps.logger.info({ url: base, feeds_dir: config.feedsDir }, "serve: listening");
  for (const { name, url } of serveUrls(config, base)) deps.logger.info({ url }, `serve: ${name}`);
  return async () => {
    await started.app.close();
    if (ownsStore) openStore.close();
  };
}
