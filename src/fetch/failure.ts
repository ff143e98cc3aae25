/**
 * The one place where everything that can go wrong with a fetch gets a kind, a "transient" verdict and a
 * message naming the URL. Callers branch on `kind` and `transient`, never on error strings.
 */

export type FailureKind =
  | "timeout"
  | "too-large"
  | "http-status"
  | "not-found"
  | "rate-limited"
  | "server-error"
  | "redirect-loop"
  | "too-many-redirects"
  | "refused-host"
  | "private-address"
  | "bad-url"
  | "dns"
  | "connection"
  | "bad-content"
  | "aborted";

export interface FetchFailure {
  kind: FailureKind;
  /** Worth trying again later (with back-off); false means retrying will not help. */
  transient: boolean;
  /** The URL of the hop that failed (after redirects, the last one tried). */
  url: string;
  message: string;
  status?: number;
  /** From Retry-After, relative to the injected clock. */
  retryAfterMs?: number;
}

/** Whether a failure of this kind is worth retrying by itself (http-status depends on the status). */
const TRANSIENT: Record<FailureKind, boolean> = {
  timeout: true,
  "too-large": false,
  "http-status": false,
  "not-found": false,
  "rate-limited": true,
  "server-error": true,
  "redirect-loop": false,
  "too-many-redirects": false,
  "refused-host": false,
  "private-address": false,
  "bad-url": false,
  dns: true,
  connection: true,
  "bad-content": false,
  aborted: true,
};

export function fetchFailure(
  kind: FailureKind,
  url: string,
  what: string,
  extra: { status?: number; retryAfterMs?: number; transient?: boolean } = {},
): FetchFailure {
  const failure: FetchFailure = {
    kind,
    transient: extra.transient ?? TRANSIENT[kind],
    url,
    message: `fetch ${url}: ${what}`,
  };
  if (extra.status !== undefined) failure.status = extra.status;
  if (extra.retryAfterMs !== undefined) failure.retryAfterMs = extra.retryAfterMs;
  return failure;
}

/**
 * Classifies a final (non-2xx, non-redirect, non-304) HTTP status. `retryAfterMs` is the parsed
 * Retry-After header; it is kept only where RFC 9110 gives it meaning for us (429 and 5xx).
 */
export function failureFromStatus(
  url: string,
  status: number,
  retryAfterMs: number | undefined,
): FetchFailure {
  const later = retryAfterMs === undefined ? "" : ` (retry after ${Math.ceil(retryAfterMs / 1000)} s)`;
  if (status === 404 || status === 410) {
    return fetchFailure("not-found", url, `HTTP ${status}: the page is gone`, { status });
  }
  if (status === 429) {
    return fetchFailure("rate-limited", url, `HTTP 429: rate limited${later}`, { status, retryAfterMs });
  }
  if (status >= 500 && status <= 599) {
    return fetchFailure("server-error", url, `HTTP ${status}: server error${later}`, {
      status,
      retryAfterMs,
    });
  }
  // 408 Request Timeout is the server giving up on a slow client: another try may well work.
  return fetchFailure("http-status", url, `unexpected HTTP status ${status}`, {
    status,
    transient: status === 408,
  });
}

/** Error codes from Node's resolver (getaddrinfo) that mean the name did not resolve. */
const DNS_CODES = new Set(["ENOTFOUND", "EAI_AGAIN", "EAI_FAIL", "EAI_NODATA", "EAI_NONAME", "ENODATA"]);
const TIMEOUT_CODES = new Set([
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
  "ETIMEDOUT",
]);

/** The error code the guarded DNS lookup uses for an address it refuses (see address.ts). */
export const PRIVATE_ADDRESS_CODE = "ERR_REVFEED_PRIVATE_ADDRESS";

/** How a request ended when it threw: our own timer, a shutdown/caller abort, or the network. */
export interface AbortState {
  timedOut: boolean;
  aborted: boolean;
  timeoutMs: number;
}

/**
 * Classifies an error thrown by fetch or by reading the body. undici wraps network errors in
 * `TypeError: fetch failed` (or `terminated` mid-body) with the real error as `cause`.
 */
export function failureFromError(url: string, error: unknown, state: AbortState): FetchFailure {
  if (state.timedOut) {
    return fetchFailure("timeout", url, `no complete response within ${state.timeoutMs} ms`);
  }
  if (state.aborted) return fetchFailure("aborted", url, "aborted (shutting down or cancelled)");
  const cause = rootCause(error);
  const code = errorCode(cause);
  const detail = describe(cause);
  if (code === PRIVATE_ADDRESS_CODE) return fetchFailure("private-address", url, detail);
  if (code !== undefined && DNS_CODES.has(code)) {
    return fetchFailure("dns", url, `host name did not resolve (${detail})`);
  }
  if (code !== undefined && TIMEOUT_CODES.has(code)) return fetchFailure("timeout", url, detail);
  if (code?.startsWith("Z_") || code === "ERR_ZLIB_INITIALIZATION_FAILED") {
    return fetchFailure("bad-content", url, `body could not be decompressed (${detail})`);
  }
  return fetchFailure("connection", url, `connection failed (${detail})`);
}

function rootCause(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 5; depth++) {
    const next = (current as { cause?: unknown } | null)?.cause;
    if (next === undefined || next === null) break;
    current = next;
  }
  return current;
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = errorCode(error);
    return code && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}
