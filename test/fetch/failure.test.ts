import { describe, expect, it } from "vitest";
import { failureFromError, failureFromStatus, PRIVATE_ADDRESS_CODE } from "../../src/fetch/failure.js";

const url = "https://ru.trend.az/azerbaijan/4112233.html";
const noAbort = { timedOut: false, aborted: false, timeoutMs: 1000 };

function wrapped(code: string, message = "boom"): Error {
  return new TypeError("fetch failed", { cause: Object.assign(new Error(message), { code }) });
}

describe("failureFromStatus", () => {
  it.each([
    [404, "not-found", false],
    [410, "not-found", false],
    [429, "rate-limited", true],
    [500, "server-error", true],
    [503, "server-error", true],
    [403, "http-status", false],
    [408, "http-status", true],
  ] as const)("%i -> %s (transient %s)", (status, kind, transient) => {
    const f = failureFromStatus(url, status, undefined);
    expect(f).toMatchObject({ kind, transient, status, url });
    expect(f.message).toContain(url);
    expect(f.message).toContain(String(status));
  });

  it("keeps Retry-After and says it in the message", () => {
    const f = failureFromStatus(url, 429, 120_000);
    expect(f.retryAfterMs).toBe(120_000);
    expect(f.message).toContain("retry after 120 s");
  });
});

describe("failureFromError", () => {
  it.each([
    ["ENOTFOUND", "dns", true],
    ["EAI_AGAIN", "dns", true],
    ["ECONNRESET", "connection", true],
    ["ECONNREFUSED", "connection", true],
    ["UND_ERR_SOCKET", "connection", true],
    ["UND_ERR_CONNECT_TIMEOUT", "timeout", true],
    ["Z_DATA_ERROR", "bad-content", false],
    [PRIVATE_ADDRESS_CODE, "private-address", false],
  ] as const)("%s -> %s", (code, kind, transient) => {
    const f = failureFromError(url, wrapped(code), noAbort);
    expect(f).toMatchObject({ kind, transient, url });
    expect(f.message).toContain(url);
  });

  it("prefers our own abort reasons over whatever the error says", () => {
    const err = wrapped("ECONNRESET");
    expect(failureFromError(url, err, { ...noAbort, timedOut: true }).kind).toBe("timeout");
    expect(failureFromError(url, err, { ...noAbort, aborted: true }).kind).toBe("aborted");
  });

  it("calls anything unknown a connection failure and keeps its text", () => {
    const f = failureFromError(url, "weird", noAbort);
    expect(f.kind).toBe("connection");
    expect(f.message).toContain("weird");
  });
});
