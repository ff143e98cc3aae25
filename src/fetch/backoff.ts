/**
 * How long to wait before trying a URL again after `consecutiveFailures` transient failures in a row.
 * Pure: the randomness is a parameter.
 *
 * Exponential: baseMs, 2×baseMs, 4×baseMs … capped at maxMs, with "equal jitter" (a random point in the
 * upper half of the step) so many URLs that failed together do not all come back at the same moment, while
 * the wait still grows with each failure. A server's Retry-After is honoured as a floor, but is itself capped
 * at maxMs so one odd header cannot stop polling for days.
 */
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  /** From the server's Retry-After, when it sent one. */
  retryAfterMs?: number | undefined;
  /** A number in [0, 1), like Math.random. */
  random: () => number;
}

export function nextBackoffMs(consecutiveFailures: number, options: BackoffOptions): number {
  const { baseMs, maxMs, retryAfterMs, random } = options;
  let delay = 0;
  if (consecutiveFailures > 0) {
    // Past 2^40 the cap has long won; stopping there keeps the arithmetic finite.
    const step = Math.min(maxMs, baseMs * 2 ** Math.min(consecutiveFailures - 1, 40));
    delay = step / 2 + random() * (step / 2);
  }
  if (retryAfterMs !== undefined && retryAfterMs > delay) delay = retryAfterMs;
  return Math.round(Math.min(delay, maxMs));
}

/** nextBackoffMs with the fetch settings filled in: the shape the watcher's `backoffMs` stage wants. */
export function backoffFromConfig(
  config: { backoffBaseMs: number; maxBackoffMinutes: number },
  random: () => number,
): (consecutiveFailures: number, retryAfterMs: number | undefined) => number {
  const baseMs = config.backoffBaseMs;
  const maxMs = config.maxBackoffMinutes * 60_000;
  return (consecutiveFailures, retryAfterMs) =>
    nextBackoffMs(consecutiveFailures, { baseMs, maxMs, retryAfterMs, random });
}
