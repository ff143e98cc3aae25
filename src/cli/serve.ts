import { Store } from "../store/store.js";
import { configFrom, type GlobalOptions, loggerFor } from "./common.js";
import { type CliIO, CommandError, UsageError } from "./io.js";

export interface ServeCommandOptions extends GlobalOptions {
  port?: string;
  host?: string;
}

/** `revfeed serve`: runs until SIGINT/SIGTERM, then closes the server and the database. */
export async function serveCommand(io: CliIO, options: ServeCommandOptions): Promise<void> {
  const config = configFrom(io, options);
  const port = options.port === undefined ? undefined : Number(options.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    throw new UsageError(`--port takes a port number from 0 to 65535, not "${options.port}"`);
  }
  const logger = loggerFor(config, io, false);
  // The server only reads; create and migrate the database first so it can start before the worker.
  try {
    Store.open(config.stateDir).close();
  } catch (err) {
    throw new CommandError(`cannot open the database in ${config.stateDir}: ${(err as Error).message}`);
  }
  let close: () => Promise<void>;
  try {
    // Loaded here, not at the top: the worker process never serves, and Fastify and its kin weigh 7 MB.
    const { runServe } = await import("../serve/main.js");
    close = await runServe(config, { port, host: options.host }, { clock: io.clock, logger });
  } catch (err) {
    throw new CommandError((err as Error).message);
  }
  io.notifyReady();
  await new Promise<void>((resolve) => {
    const remove = io.onShutdownSignal((signal) => {
      logger.info({ signal }, "serve: shutting down");
      remove();
      void close().then(resolve);
    });
  });
}
