import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import fastifyCompress from "@fastify/compress";
import Fastify, {
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  LogController,
} from "fastify";
import type { Logger } from "pino";
import type { Clock } from "../clock.js";
import type { LoadedConfig } from "../config/load.js";
import type { Store } from "../store/store.js";
import { apiRoutes } from "./api-routes.js";
import { defaultDiffEngine } from "./diff-engine.js";
import type { DiffEngine } from "./diff-port.js";
import { FeedCache } from "./feed-cache.js";
import { feedFastPath } from "./feed-fast-path.js";
import { feedRoutes } from "./feeds.js";
import { createMetrics, type WorkerMetricsJson } from "./metrics.js";
import { opsRoutes } from "./ops-routes.js";
import { pageRoutes } from "./page-routes.js";
import { renderErrorPage } from "./pages/error-page.js";
import { HttpError } from "./params.js";
import { addSecurityHeaders, SECURITY_HEADERS } from "./security.js";

export interface ServerDeps {
  config: LoadedConfig;
  /** A read-only store (`Store.open(stateDir, { readonly: true })`): the server never writes. */
  store: Store;
  clock: Clock;
  logger: Logger;
  /** The diff engine; the real one from src/diff by default. */
  diff?: DiffEngine;
}

function wantsJson(url: string): boolean {
  return url.startsWith("/api/") || url === "/api" || url.startsWith("/healthz");
}

function readWorkerMetrics(store: Store): WorkerMetricsJson | null {
  const raw = store.getMeta("worker_metrics");
  if (raw === null) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === "object" && parsed !== null ? (parsed as WorkerMetricsJson) : null;
  } catch {
    return null;
  }
}

/** Builds the web server (not listening yet): feeds, pages, JSON API, health and metrics. */
export async function createServer(deps: ServerDeps): Promise<FastifyInstance> {
  const metrics = createMetrics(() => readWorkerMetrics(deps.store));
  const feeds = new FeedCache(deps.config.feedsDir, deps.clock, { baseHeaders: SECURITY_HEADERS });
  const fastFeed = feedFastPath(feeds, metrics.recordRequest);
  let closing = false;
  const app = Fastify({
    // Feed answers already in memory are sent before Fastify sees the request (see feedFastPath); while
    // closing, everything goes to Fastify, which answers 503.
    serverFactory: (handler) => {
      const server = createHttpServer((req: IncomingMessage, res: ServerResponse) => {
        if (closing || !fastFeed(req, res)) handler(req, res);
      });
      // Fastify's own default for the servers it creates: readers polling many feeds reuse connections.
      server.keepAliveTimeout = 72_000;
      return server;
    },
    loggerInstance: deps.logger.child({ component: "serve" }) as FastifyBaseLogger,
    // Per-request log lines would dominate the log at feed-reader rates; /metrics counts requests instead.
    logController: new LogController({ disableRequestLogging: true }),
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    return503OnClosing: true,
  });
  const diff = deps.diff ?? defaultDiffEngine;
  app.addHook("preClose", (done) => {
    closing = true;
    done();
  });

  addSecurityHeaders(app);
  app.addHook("onResponse", (request, reply, done) => {
    metrics.recordRequest(
      request.method,
      request.routeOptions.url ?? "unmatched",
      reply.statusCode,
      reply.elapsedTime / 1000,
    );
    done();
  });

  // Errors: 400/404 from request checks with their reason; anything else is logged and answered 500
  // without details. Pages get a small HTML page, /api and /healthz get JSON.
  app.setErrorHandler<FastifyError | HttpError>((error, request, reply) => {
    const known = error instanceof HttpError;
    const clientError = !known && typeof error.statusCode === "number" && error.statusCode < 500;
    const statusCode = known || clientError ? (error.statusCode ?? 400) : 500;
    const message = known || clientError ? error.message : "internal error";
    if (statusCode >= 500) request.log.error({ err: error, url: request.url }, "request failed");
    if (wantsJson(request.url)) return reply.code(statusCode).send({ error: message, statusCode });
    return reply.code(statusCode).type("text/html; charset=utf-8").send(renderErrorPage(statusCode, message));
  });
  app.setNotFoundHandler((request, reply) => {
    const message = `nothing at ${request.url.split("?")[0]}`;
    if (wantsJson(request.url)) return reply.code(404).send({ error: message, statusCode: 404 });
    return reply.code(404).type("text/html; charset=utf-8").send(renderErrorPage(404, message));
  });

  await app.register(fastifyCompress, { encodings: ["br", "gzip"], threshold: 1024 });
  feedRoutes(app, feeds);
  pageRoutes(app, { store: deps.store, config: deps.config, diff });
  apiRoutes(app, { store: deps.store, diff });
  opsRoutes(app, { store: deps.store, clock: deps.clock, config: deps.config, registry: metrics.registry });
  return app;
}

export interface StartedServer {
  app: FastifyInstance;
  /** `http://host:port`, with the port actually bound (useful with port 0). */
  url: string;
  address: AddressInfo;
}

/** Creates the server and listens on host/port (config `serve`, unless overridden). */
export async function startServer(
  deps: ServerDeps,
  listen: { host?: string; port?: number } = {},
): Promise<StartedServer> {
  const app = await createServer(deps);
  const host = listen.host ?? deps.config.serve.host;
  const port = listen.port ?? deps.config.serve.port;
  await app.listen({ host, port });
  const address = app.server.address() as AddressInfo;
  const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return { app, address, url: `http://${shownHost}:${address.port}` };
}
