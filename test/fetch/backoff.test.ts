import { describe, expect, it } from "vitest";
import { backoffFromConfig, nextBackoffMs } from "../../src/fetch/backoff.js";
import { parseRetryAfter } from "../../src/fetch/retry-after.js";

const base = { baseMs: 1_000, maxMs: 60_000 };

describe("nextBackoffMs", () => {
  it("doubles with each failure, jittered within the upper half of the step", () => {
    const low = (n: number) => nextBackoffMs(n, { ...base, random: () => 0 });
    const high = (n: number) => nextBackoffMs(n, { ...base, random: () => 0.999999 });
    expect([1, 2, 3, 4].map(low)).toEqual([500, 1_000, 2_000, 4_000]);
    expect([1, 2, 3, 4].map(high)).toEqual([1_000, 2_000, 4_000, 8_000]);
  });

  it("never exceeds maxMs, even after very many failures", () => {
    expect(nextBackoffMs(10, { ...base, random: () => 0.999999 })).toBe(60_000);
    expect(nextBackoffMs(5_000, { ...base, random: () => 0.5 })).toBe(45_000);
  });

  it("is zero without failures and without Retry-After", () => {
    expect(nextBackoffMs(0, { ...base, random: () => 0.7 })).toBe(0);
  });

  it("waits at least Retry-After, but no longer than maxMs", () => {
    expect(nextBackoffMs(1, { ...base, retryAfterMs: 30_000, random: () => 0 })).toBe(30_000);
    expect(nextBackoffMs(1, { ...base, retryAfterMs: 3_600_000, random: () => 0 })).toBe(60_000);
    // A short Retry-After does not shorten the exponential wait.
    expect(nextBackoffMs(4, { ...base, retryAfterMs: 10, random: () => 0 })).toBe(4_000);
  });

  it("spreads clients that failed together", () => {
    const values = [0, 0.25, 0.5, 0.75].map((r) => nextBackoffMs(3, { ...base, random: () => r }));
    expect(new Set(values).size).toBe(4);
  });
});

describe("parseRetryAfter", () => {
  const now = new Date("2025-10-24T10:00:00Z");

  it("reads delay-seconds", () => {
    expect(parseRetryAfter("120", now)).toBe(120_000);
    expect(parseRetryAfter(" 0 ", now)).toBe(0);
  });

  it("reads an HTTP-date relative to the given clock", () => {
    expect(parseRetryAfter("Fri, 24 Oct 2025 10:02:30 GMT", now)).toBe(150_000);
  });

  it("gives 0 for a date in the past and undefined for garbage or absence", () => {
    expect(parseRetryAfter("Fri, 24 Oct 2025 09:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter("-5", now)).toBeUndefined();
    expect(parseRetryAfter("", now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe("backoffFromConfig", () => {
  it("uses backoffBaseMs and maxBackoffMinutes from the fetch settings", () => {
    const backoff = backoffFromConfig({ backoffBaseMs: 60_000, maxBackoffMinutes: 360 }, () => 0.999999);
    expect(backoff(1, undefined)).toBe(60_000);
    expect(backoff(3, undefined)).toBe(240_000);
    // Capped at 6 hours: equal jitter at 0.5 gives three quarters of the cap.
    expect(
      backoffFromConfig({ backoffBaseMs: 60_000, maxBackoffMinutes: 360 }, () => 0.5)(30, undefined),
    ).toBe(16_200_000);
    expect(backoff(1, 600_000)).toBe(600_000);
  });
});
