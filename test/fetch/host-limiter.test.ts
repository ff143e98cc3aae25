import { describe, expect, it } from "vitest";
import { HostLimiter } from "../../src/fetch/host-limiter.js";

describe("HostLimiter", () => {
  it("lets at most `concurrency` holders in per host, in arrival order, and other hosts through", async () => {
    const limiter = new HostLimiter({ concurrency: 2, delayMs: 0 });
    const order: string[] = [];
    const a1 = await limiter.acquire("a");
    const a2 = await limiter.acquire("a");
    const noting = (name: string) => (release: () => void) => {
      order.push(name);
      return release;
    };
    const a3 = limiter.acquire("a").then(noting("a3"));
    const a4 = limiter.acquire("a").then(noting("a4"));
    const b1 = await limiter.acquire("b");
    expect(limiter.inFlight("a")).toBe(2);
    expect(limiter.inFlight("b")).toBe(1);
    await Promise.resolve();
    expect(order).toEqual([]);
    a1();
    a1(); // a second release of the same slot is ignored
    const r3 = await a3;
    expect(order).toEqual(["a3"]);
    expect(limiter.inFlight("a")).toBe(2);
    a2();
    const r4 = await a4;
    expect(order).toEqual(["a3", "a4"]);
    r3();
    r4();
    b1();
    expect(limiter.inFlight("a")).toBe(0);
  });

  it("spaces request starts by delayMs, measured on the injected monotonic time", async () => {
    let now = 1_000;
    const limiter = new HostLimiter({ concurrency: 5, delayMs: 1, now: () => now });
    const first = await limiter.acquire("a");
    let started = false;
    const second = limiter.acquire("a").then((r) => {
      started = true;
      return r;
    });
    // Same instant: must wait even though slots are free. The timer fires after ~1 ms of real time,
    // but the injected time has not moved, so it re-arms until we move it.
    await new Promise((r) => setTimeout(r, 20));
    expect(started).toBe(false);
    now += 1;
    (await second)();
    expect(started).toBe(true);
    first();
  });

  it("drops a waiter whose signal aborts, rejecting with the signal's reason", async () => {
    const limiter = new HostLimiter({ concurrency: 1, delayMs: 0 });
    const held = await limiter.acquire("a");
    const controller = new AbortController();
    const waiting = limiter.acquire("a", controller.signal);
    const reason = new Error("stop");
    controller.abort(reason);
    await expect(waiting).rejects.toBe(reason);
    held();
    // The aborted waiter did not take the slot.
    const next = await limiter.acquire("a");
    expect(limiter.inFlight("a")).toBe(1);
    next();
  });
});
