import pino, { type DestinationStream, type Logger } from "pino";

export type { Logger };

/**
 * JSON lines on stdout (or the given stream, for tests). No `time` customisation: under pm2 the lines
 * stay pure JSON. Keys used across revfeed: source_id, article_id, url, duration_ms, kind, err.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino({ level, base: { app: "revfeed" } }, destination ?? pino.destination({ fd: 1, sync: true }));
}
