import { Agent, type Dispatcher } from "undici";
import type { Clock } from "../clock.js";
import type { FetchConfig } from "../config/schema.js";
import { guardedLookup, ipLiteral, isPrivateAddress } from "./address.js";
import { decodeContent } from "./content-encoding.js";
import { type FetchFailure, failureFromError, failureFromStatus, fetchFailure } from "./failure.js";
import { FetchedPage } from "./fetched-page.js";
import { HostLimiter } from "./host-limiter.js";
import { readCapped } from "./read-body.js";
import { RequestAbort } from "./request-abort.js";
import { parseRetryAfter } from "./retry-after.js";

/**
 * The HTTP shell: conditional GET with limits (time, size, redirects), politeness per host, the host
 * allow-list and the private-address guard. Everything that goes wrong comes back as a classified
 * FetchFailure (failure.ts); `get` rejects only on programming errors.
 *
 * Requests go through undici's `request`, not `fetch`: with redirects, decompression and the body cap done
 * here anyway, fetch's WHATWG layer (Request, Headers, web streams) only added cost: it took 2.5–3 times
 * the CPU per request (bench/.work measurements in the issue 8 notes), and the fetch loop is the watcher's
 * busiest thread.
 */

export interface FetchRequest {
  url: string;
  /** Validators from the last successful fetch: sent as If-None-Match / If-Modified-Since. */
  etag?: string | null;
  lastModified?: string | null;
  /** Accept header; defaults to HTML first, then XML. */
  accept?: string;
  signal?: AbortSignal;
}

export type FetchResult =
  | FetchedPage
  | { kind: "not-modified"; url: string; etag: string | null; lastModified: string | null }
  | { kind: "failed"; failure: FetchFailure };

export interface Fetcher {
  get(request: FetchRequest): Promise<FetchResult>;
  /** Aborts requests in flight (they end as `aborted`), then closes pooled connections. */
  close(): Promise<void>;
}

export interface FetcherDeps {
  /** Used to turn a Retry-After HTTP-date into a delay. */
  clock: Clock;
  /** Hosts (URL hostnames, lower case) that may be fetched; checked on every redirect hop. */
  isAllowedHost: (host: string) => boolean;
  /** Which resolved or literal addresses are refused; defaults to isPrivateAddress. A seam for tests. */
  isBlockedAddress?: (address: string) => boolean;
}

const DEFAULT_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Bodies of these types are never text: refuse them before reading a byte. */
const BINARY_TYPE = /^\s*(image|audio|video|font)\//i;

// Abort reasons, compared by identity to tell our timer from a shutdown or the caller's signal.
const TIMED_OUT = new Error("revfeed fetch: whole-request timeout");
const ABORTED = new Error("revfeed fetch: aborted");

const failed = (failure: FetchFailure): FetchResult => ({ kind: "failed", failure });

export function createFetcher(config: FetchConfig, deps: FetcherDeps): Fetcher {
  const isBlocked = config.allowPrivateNetworks
    ? () => false
    : (deps.isBlockedAddress ?? ((address: string) => isPrivateAddress(address)));
  const agent = new Agent({
    // Per origin; the HostLimiter already keeps to this, the pool just never opens more.
    connections: config.perHostConcurrency,
    keepAliveTimeout: 30_000,
    headersTimeout: config.timeoutMs,
    bodyTimeout: config.timeoutMs,
    connect: {
      timeout: Math.min(config.timeoutMs, 10_000),
      ...(config.allowPrivateNetworks ? {} : { lookup: guardedLookup(isBlocked) }),
    },
  });
  const limiter = new HostLimiter({ concurrency: config.perHostConcurrency, delayMs: config.perHostDelayMs });
  const inFlight = new Set<RequestAbort>();
  let closing: Promise<void> | null = null;
  /**
   * The requests each caller's signal covers. A cycle passes one signal to all its requests: it gets one
   * listener, not one per request (an AbortSignal's listeners are costly, see request-abort.ts).
   */
  const followers = new WeakMap<AbortSignal, Set<RequestAbort>>();

  function follow(signal: AbortSignal, controller: RequestAbort): Set<RequestAbort> {
    let covered = followers.get(signal);
    if (covered === undefined) {
      const requests = new Set<RequestAbort>();
      signal.addEventListener(
        "abort",
        () => {
          for (const request of requests) request.abort(ABORTED);
        },
        { once: true },
      );
      followers.set(signal, requests);
      covered = requests;
    }
    covered.add(controller);
    return covered;
  }

  /** Refuses a hop before any connection: bad URL, scheme, host not allowed, private IP literal. */
  function checkTarget(url: string, from: string | null): URL | FetchFailure {
    const via = from === null ? "" : ` (redirected from ${from})`;
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return fetchFailure("bad-url", url, `not a valid URL${via}`);
    }
    if (target.protocol !== "http:" && target.protocol !== "https:") {
      return fetchFailure("bad-url", url, `only http and https are fetched, not ${target.protocol}${via}`);
    }
    if (!deps.isAllowedHost(target.hostname)) {
      return fetchFailure("refused-host", url, `host ${target.hostname} is not in the allow-list${via}`);
    }
    const ip = ipLiteral(target.hostname);
    if (ip !== null && isBlocked(ip)) {
      return fetchFailure(
        "private-address",
        url,
        `${ip} is a private or reserved address (allowPrivateNetworks is false)${via}`,
      );
    }
    return target;
  }

  async function get(request: FetchRequest): Promise<FetchResult> {
    if (closing !== null || request.signal?.aborted) {
      return failed(fetchFailure("aborted", request.url, "aborted before it started"));
    }
    const controller = new RequestAbort();
    const covered = request.signal ? follow(request.signal, controller) : null;
    inFlight.add(controller);
    let timer: NodeJS.Timeout | undefined;
    let url = request.url;
    try {
      const headers: Record<string, string> = {
        "user-agent": config.userAgent,
        accept: request.accept ?? DEFAULT_ACCEPT,
        "accept-encoding": "gzip, deflate, br",
      };
      if (isHeaderValue(request.etag)) headers["if-none-match"] = request.etag;
      if (isHeaderValue(request.lastModified)) headers["if-modified-since"] = request.lastModified;
      let from: string | null = null;
      let visited: Set<string> | null = null;
      for (;;) {
        const target = checkTarget(url, from);
        if (!(target instanceof URL)) return failed(target);
        const release = await limiter.acquire(target.host, controller);
        // The whole-request timeout starts with the first request, not while queued behind politeness.
        timer ??= setTimeout(() => controller.abort(TIMED_OUT), config.timeoutMs);
        let next: string | FetchResult;
        try {
          const response = await agent.request({
            origin: target.origin,
            path: `${target.pathname}${target.search}`,
            method: "GET",
            signal: controller,
            headers,
          });
          next = await handleResponse(response, url, request);
        } finally {
          release();
        }
        if (typeof next !== "string") return next;
        // A redirect: `next` is the absolute Location.
        visited ??= new Set([url]);
        if (visited.has(next)) {
          return failed(fetchFailure("redirect-loop", next, `redirect loop (${url} leads back to it)`));
        }
        if (visited.size > config.maxRedirects) {
          return failed(
            fetchFailure(
              "too-many-redirects",
              next,
              `more than ${config.maxRedirects} redirects from ${request.url}`,
            ),
          );
        }
        visited.add(next);
        from = url;
        url = next;
      }
    } catch (error) {
      const reason: unknown = controller.reason;
      return failed(
        failureFromError(url, error, {
          timedOut: reason === TIMED_OUT,
          aborted: reason === ABORTED,
          timeoutMs: config.timeoutMs,
        }),
      );
    } finally {
      clearTimeout(timer);
      covered?.delete(controller);
      inFlight.delete(controller);
    }
  }

  /** One response: the result, or the absolute URL a redirect points to. Throws on network errors. */
  async function handleResponse(
    response: Dispatcher.ResponseData,
    url: string,
    request: FetchRequest,
  ): Promise<FetchResult | string> {
    const status = response.statusCode;
    const h = headerReader(response.headers);
    if (REDIRECTS.has(status)) {
      discard(response);
      const location = h.get("location");
      if (location === null) {
        return failed(
          fetchFailure("http-status", url, `HTTP ${status} redirect without a Location`, { status }),
        );
      }
      try {
        return new URL(location, url).href;
      } catch {
        return failed(
          fetchFailure("bad-url", url, `HTTP ${status} redirect to an invalid Location: ${location}`),
        );
      }
    }
    if (status === 304 && (request.etag || request.lastModified)) {
      discard(response);
      return {
        kind: "not-modified",
        url,
        etag: h.get("etag") ?? request.etag ?? null,
        lastModified: h.get("last-modified") ?? request.lastModified ?? null,
      };
    }
    if (status < 200 || status > 299) {
      discard(response);
      const retryAfterMs =
        status === 429 || status >= 500 ? parseRetryAfter(h.get("retry-after"), deps.clock.now()) : undefined;
      return failed(failureFromStatus(url, status, retryAfterMs));
    }
    const contentType = h.get("content-type");
    if (contentType !== null && BINARY_TYPE.test(contentType)) {
      discard(response);
      return failed(fetchFailure("bad-content", url, `content type ${contentType} is not text`, { status }));
    }
    const tooLarge = () =>
      failed(fetchFailure("too-large", url, `body larger than ${config.maxBodyBytes} bytes`, { status }));
    // Without compression the declared length is the body length: refuse without reading.
    const declared = Number(h.get("content-length") ?? Number.NaN);
    if (declared > config.maxBodyBytes && h.get("content-encoding") === null) {
      discard(response);
      return tooLarge();
    }
    const content = decodeContent(response.body, h.get("content-encoding"));
    if (!content.ok) {
      discard(response);
      return failed(
        fetchFailure("bad-content", url, `content encoding ${content.coding} is not supported`, { status }),
      );
    }
    const body = await readCapped(content.body, config.maxBodyBytes);
    if (!body.ok) return tooLarge();
    return new FetchedPage(url, status, body.bytes, contentType, h.get("etag"), h.get("last-modified"));
  }

  return {
    get,
    close() {
      if (closing === null) {
        for (const controller of inFlight) controller.abort(ABORTED);
        closing = agent.close();
      }
      return closing;
    },
  };
}

/**
 * A stored validator is sent back only if it is a legal header value: a corrupt one would make every
 * request throw, and a plain unconditional GET is the right fallback.
 */
function isHeaderValue(value: string | null | undefined): value is string {
  return typeof value === "string" && value !== "" && /^[\t\x20-\x7e\x80-\xff]*$/.test(value);
}

/** Drops a body we will not read (a small one is drained so its connection is reused). */
function discard(response: Dispatcher.ResponseData): void {
  response.body.dump({ limit: 64 * 1024 }).catch(() => {});
}

/** Case-insensitive header lookup over undici's lower-cased header object; repeated headers are joined. */
function headerReader(headers: Dispatcher.ResponseData["headers"]): { get(name: string): string | null } {
  return {
    get(name) {
      const value = headers[name];
      if (value === undefined) return null;
      return Array.isArray(value) ? value.join(", ") : value;
    },
  };
}
