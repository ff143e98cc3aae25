import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/** The worker's snapshot as it saves it in store meta `worker_metrics` (see src/watch/metrics.ts). */
export interface WorkerMetricsJson {
  checks_total?: Record<string, unknown>;
  failures_total?: Record<string, unknown>;
  revisions_total?: unknown;
  cycles_total?: unknown;
  cycle_duration_seconds?: unknown;
  last_success_timestamp_seconds?: unknown;
}

const CHECK_RESULTS = ["changed", "unchanged", "not_modified", "failed"] as const;

export interface ServerMetrics {
  registry: Registry;
  httpRequests: Counter<"method" | "route" | "status">;
  httpDuration: Histogram<"route">;
  /** Counts one response and observes its duration (the onResponse hook's whole work). */
  recordRequest(method: string, route: string, statusCode: number, seconds: number): void;
}

/** A counter value from the worker's JSON: anything not a finite, non-negative number counts as zero. */
function count(value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : 0;
}

/**
 * One registry per server instance (tests run several servers in a process). Worker figures are read from
 * the store on each scrape, because the worker is another process; missing or broken meta reads as zeros.
 */
export function createMetrics(readWorkerMetrics: () => WorkerMetricsJson | null): ServerMetrics {
  const registry = new Registry();
  // Each collect() reads the meta row itself (a primary-key lookup), so no metric depends on scrape order.
  const worker = (): WorkerMetricsJson => readWorkerMetrics() ?? {};

  new Counter({
    name: "revfeed_checks_total",
    help: "Article checks by the worker, by result.",
    labelNames: ["result"],
    registers: [registry],
    collect() {
      this.reset();
      const checks = worker().checks_total;
      for (const result of CHECK_RESULTS) this.inc({ result }, count(checks?.[result]));
    },
  });
  new Counter({
    name: "revfeed_not_modified_total",
    help: "Checks answered 304 Not Modified by the source.",
    registers: [registry],
    collect() {
      this.reset();
      this.inc(count(worker().checks_total?.not_modified));
    },
  });
  new Counter({
    name: "revfeed_fetch_failures_total",
    help: "Failed fetches by kind (timeout, http-status, ...).",
    labelNames: ["kind"],
    registers: [registry],
    collect() {
      this.reset();
      const failures = worker().failures_total;
      if (typeof failures !== "object" || failures === null || Array.isArray(failures)) return;
      for (const [kind, n] of Object.entries(failures)) this.inc({ kind }, count(n));
    },
  });
  new Counter({
    name: "revfeed_revisions_total",
    help: "New revisions detected.",
    registers: [registry],
    collect() {
      this.reset();
      this.inc(count(worker().revisions_total));
    },
  });
  new Counter({
    name: "revfeed_cycles_total",
    help: "Worker cycles run.",
    registers: [registry],
    collect() {
      this.reset();
      this.inc(count(worker().cycles_total));
    },
  });
  new Gauge({
    name: "revfeed_cycle_duration_seconds",
    help: "Duration of the worker's last cycle.",
    registers: [registry],
    collect() {
      this.set(count(worker().cycle_duration_seconds));
    },
  });
  new Gauge({
    name: "revfeed_last_success_timestamp_seconds",
    help: "Unix time of the last successful poll.",
    registers: [registry],
    collect() {
      this.set(count(worker().last_success_timestamp_seconds));
    },
  });

  const httpRequests = new Counter({
    name: "revfeed_http_requests_total",
    help: "HTTP requests served, by method, route and status.",
    labelNames: ["method", "route", "status"] as const,
    registers: [registry],
  });
  const httpDuration = new Histogram({
    name: "revfeed_http_request_duration_seconds",
    help: "Time to produce a response, by route.",
    labelNames: ["route"] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [registry],
  });
  collectDefaultMetrics({ register: registry, prefix: "revfeed_server_" });

  // prom-client hashes the label object on every inc/observe; the label children are looked up once per
  // label combination instead (a handful of routes, methods and statuses), which keeps the per-request cost
  // of metrics to a Map lookup and two additions.
  const counters = new Map<string, { inc(): void }>();
  const timers = new Map<string, { observe(value: number): void }>();
  const recordRequest = (method: string, route: string, statusCode: number, seconds: number) => {
    const key = `${method} ${statusCode} ${route}`;
    let counter = counters.get(key);
    if (!counter) {
      counter = httpRequests.labels({ method, route, status: String(statusCode) });
      counters.set(key, counter);
    }
    counter.inc();
    let timer = timers.get(route);
    if (!timer) {
      timer = httpDuration.labels({ route });
      timers.set(route, timer);
    }
    timer.observe(seconds);
  };
  return { registry, httpRequests, httpDuration, recordRequest };
}
