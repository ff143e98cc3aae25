export interface Health {
  ok: boolean;
  status: "ok" | "stale" | "unknown";
  reason: string;
  lastSuccessAt: string | null;
  ageSeconds: number | null;
  maxAgeMinutes: number;
}

/**
 * Healthy while the worker's last successful poll (store meta `last_success_at`) is at most `maxAgeMinutes`
 * old by the injected clock. Pure, so the boundary cases are tested without a server.
 */
export function assessHealth(lastSuccessAt: string | null, now: Date, maxAgeMinutes: number): Health {
  const base = { lastSuccessAt, maxAgeMinutes };
  if (lastSuccessAt === null) {
    return {
      ...base,
      ok: false,
      status: "unknown",
      ageSeconds: null,
      reason: "no successful poll recorded yet",
    };
  }
  const at = Date.parse(lastSuccessAt);
  if (Number.isNaN(at)) {
    return {
      ...base,
      ok: false,
      status: "unknown",
      ageSeconds: null,
      reason: `meta last_success_at is not a date: ${JSON.stringify(lastSuccessAt)}`,
    };
  }
  const ageSeconds = Math.round((now.getTime() - at) / 1000);
  if (ageSeconds > maxAgeMinutes * 60) {
    return {
      ...base,
      ok: false,
      status: "stale",
      ageSeconds,
      reason: `last successful poll was ${Math.floor(ageSeconds / 60)} minutes ago (at ${lastSuccessAt}), more than ${maxAgeMinutes}`,
    };
  }
  return { ...base, ok: true, status: "ok", ageSeconds, reason: "last successful poll is recent" };
}
