import type { FastifyInstance } from "fastify";
import type { Registry } from "prom-client";
import type { Clock } from "../clock.js";
import type { LoadedConfig } from "../config/load.js";
import type { Store } from "../store/store.js";
import { assessHealth } from "./health.js";

/** `/healthz` for monitors and pm2, `/metrics` for Prometheus. Neither is cached. */
export function opsRoutes(
  app: FastifyInstance,
  deps: { store: Store; clock: Clock; config: LoadedConfig; registry: Registry },
): void {
  app.get("/healthz", async (_request, reply) => {
    let lastSuccessAt: string | null;
    try {
      lastSuccessAt = deps.store.getMeta("last_success_at");
    } catch (err) {
      return reply
        .code(503)
        .header("cache-control", "no-store")
        .send({
          ok: false,
          status: "unknown",
          reason: `cannot read the database: ${(err as Error).message}`,
        });
    }
    const health = assessHealth(lastSuccessAt, deps.clock.now(), deps.config.serve.healthMaxAgeMinutes);
    return reply
      .code(health.ok ? 200 : 503)
      .header("cache-control", "no-store")
      .send(health);
  });

  app.get("/metrics", async (_request, reply) => {
    const text = await deps.registry.metrics();
    return reply.header("cache-control", "no-store").type(deps.registry.contentType).send(text);
  });
}
