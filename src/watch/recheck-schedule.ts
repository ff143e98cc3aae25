import type { WatchConfig } from "../config/schema.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export interface ScheduleInput {
  now: Date;
  /** The latest stored revision carries the developing marker. */
  developing: boolean;
  /** Extra checks still owed after the marker disappeared. */
  finalChecksLeft: number;
  /** Last change of text or status; the article's first sighting when it never changed. */
  lastChangedAt: string | null;
  firstSeenAt: string;
}

export interface SchedulePlan {
  nextCheckAt: string | null;
  finalChecksLeft: number;
}

type ScheduleConfig = Pick<WatchConfig, "developingEveryMinutes" | "finalCheckEveryMinutes" | "tiers">;

/**
 * When to look at an article again. Developing stories are checked often; a story that just became
 * final gets a few more close checks to catch the last edits; the rest follow the tiers by time since
 * the last change (NewsDiffs-style), and past the last tier the article is no longer checked (null).
 */
export function planNextCheck(input: ScheduleInput, config: ScheduleConfig): SchedulePlan {
  const now = input.now.getTime();
  const at = (ms: number) => new Date(now + ms).toISOString();
  if (input.developing) {
    return {
      nextCheckAt: at(config.developingEveryMinutes * MINUTE),
      finalChecksLeft: input.finalChecksLeft,
    };
  }
  if (input.finalChecksLeft > 0) {
    return {
      nextCheckAt: at(config.finalCheckEveryMinutes * MINUTE),
      finalChecksLeft: input.finalChecksLeft - 1,
    };
  }
  const since = new Date(input.lastChangedAt ?? input.firstSeenAt).getTime();
  const age = now - since;
  const tier = sortedTiers(config.tiers).find((t) => age <= t.withinHours * HOUR);
  return { nextCheckAt: tier ? at(tier.everyMinutes * MINUTE) : null, finalChecksLeft: 0 };
}

/** The tiers, nearest first; sorted once per config (this runs for every check, most of them 304s). */
const sorted = new WeakMap<ScheduleConfig["tiers"], ScheduleConfig["tiers"]>();

function sortedTiers(tiers: ScheduleConfig["tiers"]): ScheduleConfig["tiers"] {
  let found = sorted.get(tiers);
  if (found === undefined) {
    found = [...tiers].sort((a, b) => a.withinHours - b.withinHours);
    sorted.set(tiers, found);
  }
  return found;
}

/** A transient failure moves the next check out by the back-off, never beyond the normal plan's end. */
export function planRetry(now: Date, backoffMs: number): string {
  return new Date(now.getTime() + backoffMs).toISOString();
}
