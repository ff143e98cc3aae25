import { describe, expect, it } from "vitest";
import { watchSchema } from "../../src/config/schema.js";
import { planNextCheck } from "../../src/watch/recheck-schedule.js";

const config = watchSchema.parse({});
const base = { firstSeenAt: "2025-10-24T10:00:00.000Z", finalChecksLeft: 0, developing: false };

function plan(nowIso: string, overrides: Partial<Parameters<typeof planNextCheck>[0]> = {}) {
  return planNextCheck(
    { ...base, lastChangedAt: "2025-10-24T10:00:00.000Z", now: new Date(nowIso), ...overrides },
    config,
  );
}

describe("planNextCheck", () => {
  it("re-checks a developing story every two minutes, however old", () => {
    expect(plan("2025-10-30T10:00:00.000Z", { developing: true }).nextCheckAt).toBe(
      "2025-10-30T10:02:00.000Z",
    );
  });

  it("owes a just-finished story a few close checks, then falls back to the tiers", () => {
    const first = plan("2025-10-24T11:00:00.000Z", { finalChecksLeft: 3 });
    expect(first).toEqual({ nextCheckAt: "2025-10-24T11:10:00.000Z", finalChecksLeft: 2 });
    const last = plan("2025-10-24T11:30:00.000Z", { finalChecksLeft: 1 });
    expect(last).toEqual({ nextCheckAt: "2025-10-24T11:40:00.000Z", finalChecksLeft: 0 });
    expect(plan("2025-10-24T11:40:00.000Z").nextCheckAt).toBe("2025-10-24T11:55:00.000Z");
  });

  it.each([
    ["2025-10-24T12:59:00.000Z", "2025-10-24T13:14:00.000Z"], // within 3 h: every 15 min
    ["2025-10-24T13:00:00.000Z", "2025-10-24T13:15:00.000Z"], // exactly 3 h still in the first tier
    ["2025-10-24T13:01:00.000Z", "2025-10-24T14:01:00.000Z"], // within a day: hourly
    ["2025-10-26T10:00:00.000Z", "2025-10-26T16:00:00.000Z"], // within a week: every 6 h
  ])("at %s the next check is %s", (now, next) => {
    expect(plan(now).nextCheckAt).toBe(next);
  });

  it("stops checking a week after the last change", () => {
    expect(plan("2025-10-31T10:00:01.000Z").nextCheckAt).toBeNull();
  });

  it("measures age from the first sighting when the text never changed", () => {
    const p = planNextCheck(
      {
        ...base,
        lastChangedAt: null,
        firstSeenAt: "2025-10-24T09:00:00.000Z",
        now: new Date("2025-10-24T10:00:00.000Z"),
      },
      config,
    );
    expect(p.nextCheckAt).toBe("2025-10-24T10:15:00.000Z");
  });
});
