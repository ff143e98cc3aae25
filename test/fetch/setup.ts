import { onTestFinished } from "vitest";
import { ManualClock } from "../../src/clock.js";
import { type FetchConfig, fetchSchema } from "../../src/config/schema.js";
import type { FetchFailure } from "../../src/fetch/failure.js";
import { createFetcher, type Fetcher, type FetcherDeps, type FetchResult } from "../../src/fetch/fetcher.js";
import { type Handler, startHttpServer, type TestHttpServer } from "../support/http-server.js";

/** Fetch settings for tests: loopback allowed, no politeness delay, short limits. */
export function testFetchConfig(overrides: Partial<FetchConfig> = {}): FetchConfig {
  return fetchSchema.parse({
    allowPrivateNetworks: true,
    perHostDelayMs: 0,
    timeoutMs: 5_000,
    maxBodyBytes: 1024 * 1024,
    userAgent: "revfeed-test/1 (+https://example.invalid/revfeed)",
    ...overrides,
  });
}

export interface Rig {
  server: TestHttpServer;
  fetcher: Fetcher;
  clock: ManualClock;
}

/** A server with `handler` and a fetcher, both closed when the test ends. */
export async function rig(
  handler: Handler,
  overrides: Partial<FetchConfig> = {},
  deps: Partial<FetcherDeps> = {},
): Promise<Rig> {
  const server = await startHttpServer(handler);
  const clock = new ManualClock("2025-10-24T10:00:00Z");
  const fetcher = createFetcher(testFetchConfig(overrides), { clock, isAllowedHost: () => true, ...deps });
  onTestFinished(async () => {
    await fetcher.close();
    await server.close();
  });
  return { server, fetcher, clock };
}

export function expectOk(result: FetchResult): Extract<FetchResult, { kind: "ok" }> {
  if (result.kind !== "ok") throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result;
}

export function expectFailure(result: FetchResult): FetchFailure {
  if (result.kind !== "failed") throw new Error(`expected a failure, got ${result.kind}`);
  return result.failure;
}
