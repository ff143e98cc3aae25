/**
 * WebSub publisher ping (https://www.w3.org/TR/websub/#publishing is hub-defined; the de-facto form is
 * `hub.mode=publish&hub.url=<topic>`, form-encoded). One request per changed feed. Never throws: a hub
 * that is down must not fail a cycle, so results come back for the caller to log.
 */

export type FetchLike = (
  url: string,
  init: { method: "POST"; headers: Record<string, string>; body: string; signal?: AbortSignal },
) => Promise<{ ok: boolean; status: number; body?: { cancel(): Promise<void> } | null }>;

export interface HubPingResult {
  /** The feed (topic) URL announced. */
  topic: string;
  ok: boolean;
  status: number | null;
  error: string | null;
}

export async function pingHub(
  hub: string,
  topics: string[],
  fetchFn: FetchLike,
  timeoutMs = 10_000,
): Promise<HubPingResult[]> {
  const results: HubPingResult[] = [];
  for (const topic of topics) {
    const body = new URLSearchParams({ "hub.mode": "publish", "hub.url": topic }).toString();
    try {
      const res = await fetchFn(hub, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      // Free the connection: the hub's answer body carries nothing we use.
      await res.body?.cancel().catch(() => undefined);
      results.push({
        topic,
        ok: res.ok,
        status: res.status,
        error: res.ok ? null : `hub ${hub} answered HTTP ${res.status} for ${topic}`,
      });
    } catch (err) {
      results.push({
        topic,
        ok: false,
        status: null,
        error: `hub ${hub} unreachable for ${topic}: ${(err as Error).message}`,
      });
    }
  }
  return results;
}
