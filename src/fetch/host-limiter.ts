/**
 * Politeness per host: at most `concurrency` requests in flight, and at least `delayMs` between the starts
 * of two requests. Waits use real timers (politeness is about real seconds on someone else's server);
 * `now` is a monotonic millisecond counter, a parameter so the class holds no hidden clock.
 */

import { type Abortable, onAbort } from "./request-abort.js";

export type Release = () => void;

interface Waiter {
  resolve: (release: Release) => void;
  /** Stops listening to the waiter's signal. */
  unlisten: (() => void) | undefined;
}

interface HostState {
  active: number;
  /** Earliest `now()` at which the next request may start. */
  nextStartAt: number;
  waiting: Waiter[];
  timer: NodeJS.Timeout | null;
}

export class HostLimiter {
  readonly #hosts = new Map<string, HostState>();
  readonly #concurrency: number;
  readonly #delayMs: number;
  readonly #now: () => number;

  constructor(options: { concurrency: number; delayMs: number; now?: () => number }) {
    if (!(options.concurrency >= 1)) throw new RangeError("HostLimiter: concurrency must be at least 1");
    this.#concurrency = options.concurrency;
    this.#delayMs = Math.max(0, options.delayMs);
    this.#now = options.now ?? (() => performance.now());
  }

  /**
   * Resolves with a release function once a request to `host` may start. Rejects with the signal's reason
   * if the signal aborts while waiting. Call the release exactly once when the request is over.
   */
  acquire(host: string, signal?: Abortable): Promise<Release> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    let state = this.#hosts.get(host);
    if (state === undefined) {
      state = { active: 0, nextStartAt: Number.NEGATIVE_INFINITY, waiting: [], timer: null };
      this.#hosts.set(host, state);
    }
    const s = state;
    // Fast path: a free slot and no one queued ahead.
    if (s.waiting.length === 0 && s.active < this.#concurrency && this.#now() >= s.nextStartAt) {
      return Promise.resolve(this.#start(s));
    }
    return new Promise<Release>((resolve, reject) => {
      const waiter: Waiter = { resolve, unlisten: undefined };
      if (signal) {
        waiter.unlisten = onAbort(signal, () => {
          const i = s.waiting.indexOf(waiter);
          if (i >= 0) s.waiting.splice(i, 1);
          reject(signal.reason);
        });
      }
      s.waiting.push(waiter);
      this.#pump(s);
    });
  }

  /** Requests currently holding a slot for `host` (for tests and metrics). */
  inFlight(host: string): number {
    return this.#hosts.get(host)?.active ?? 0;
  }

  #start(s: HostState): Release {
    s.active++;
    s.nextStartAt = this.#now() + this.#delayMs;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      s.active--;
      this.#pump(s);
    };
  }

  #pump(s: HostState): void {
    while (s.waiting.length > 0 && s.active < this.#concurrency) {
      const wait = s.nextStartAt - this.#now();
      if (wait > 0) {
        s.timer ??= setTimeout(() => {
          s.timer = null;
          this.#pump(s);
        }, Math.ceil(wait));
        return;
      }
      const waiter = s.waiting.shift() as Waiter;
      waiter.unlisten?.();
      waiter.resolve(this.#start(s));
    }
  }
}
