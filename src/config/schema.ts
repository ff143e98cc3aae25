import { validate } from "node-cron";
import { z } from "zod";
import { DEFAULT_MARKERS } from "./default-markers.js";

/**
 * The one table of revfeed's settings: every key, its type, its default and what it means.
 * README's "Configuration" section mirrors this file.
 */

const cronExpr = z.string().refine((v) => validate(v), "a cron expression such as */5 * * * *");
const httpUrl = z.url({ protocol: /^https?$/, error: "an http(s) URL" });

export const sourceSchema = z.strictObject({
  /** Stable name used in logs, the database and feed filters. */
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, "a lower-case id of letters, digits, '.', '_' or '-'"),
  /** The RSS 1.0, RSS 2.0 or Atom feed to poll. */
  url: httpUrl,
  /** How article pages are read: `trend` (known selectors) or `generic` (readability). */
  profile: z.enum(["trend", "generic"]).default("generic"),
  /** Language of the source, when pages do not say (`ru`, `en`, `az` …). */
  lang: z.string().optional(),
  /** Other hosts that serve the same site (for example www.trend.az and en.trend.az). */
  aliases: z.array(z.string()).default([]),
  enabled: z.boolean().default(true),
});

export const fetchSchema = z.strictObject({
  /** Refuse private, loopback and link-local addresses unless true (local testing only). */
  allowPrivateNetworks: z.boolean().default(false),
  userAgent: z.string().default("revfeed/0.1 (+https://github.com/revfeed/revfeed; news revision tracker)"),
  /** Whole-request timeout, headers and body. */
  timeoutMs: z.number().int().positive().default(20_000),
  /** Largest body accepted, counted after decompression. */
  maxBodyBytes: z
    .number()
    .int()
    .positive()
    .default(8 * 1024 * 1024),
  maxRedirects: z.number().int().min(0).max(20).default(5),
  /** Requests in flight at once to one host. */
  perHostConcurrency: z.number().int().positive().default(2),
  /** Minimum gap between the starts of two requests to one host. */
  perHostDelayMs: z.number().int().min(0).default(250),
  /** First back-off after a transient failure; doubles each time, with jitter, up to maxBackoffMinutes. */
  backoffBaseMs: z.number().int().positive().default(60_000),
  maxBackoffMinutes: z.number().positive().default(360),
});

export const scheduleSchema = z.strictObject({
  /** When source feeds are polled. */
  poll: cronExpr.default("*/5 * * * *"),
  /** When due articles are re-checked. */
  recheck: cronExpr.default("* * * * *"),
  /** IANA time zone for the cron expressions. */
  timezone: z.string().default("UTC"),
});

const tierSchema = z.strictObject({
  /** Applies while the last change is at most this many hours old. */
  withinHours: z.number().positive(),
  /** Re-check interval in this tier. */
  everyMinutes: z.number().positive(),
});

export const watchSchema = z.strictObject({
  /** Trailing phrases that mark a developing story, by language; matched only in the last blocks of the body. */
  markers: z.record(z.string(), z.array(z.string())).default(DEFAULT_MARKERS),
  /** How many trailing blocks may hold the marker. */
  markerLastBlocks: z.number().int().min(1).max(3).default(2),
  /** Re-check interval while a story carries the marker. */
  developingEveryMinutes: z.number().positive().default(2),
  /** Extra checks after the marker disappears, to catch the last edits. */
  finalChecks: z.number().int().min(0).default(3),
  finalCheckEveryMinutes: z.number().positive().default(10),
  /** Re-check tiers by time since the last change; past the last tier the article is no longer checked. */
  tiers: z.array(tierSchema).default([
    { withinHours: 3, everyMinutes: 15 },
    { withinHours: 24, everyMinutes: 60 },
    { withinHours: 168, everyMinutes: 360 },
  ]),
  /** An extraction far shorter than the previous revision (below this ratio) is treated as failed. */
  minLengthRatio: z.number().min(0).max(1).default(0.35),
  /** Warn when a source's extractions fail this many times in a row (the layout may have changed). */
  extractFailureWarnAfter: z.number().int().positive().default(3),
  /** Items read from one feed at most (newest first). */
  maxItemsPerFeed: z.number().int().positive().default(200),
  /** Articles checked in one cycle at most. */
  maxChecksPerCycle: z.number().int().positive().default(5_000),
});

export const publishSchema = z.strictObject({
  /** File name stem: `<name>.atom`, `<name>.rss`, `<name>.json`, `<name>.revisions.*`. */
  name: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, "a lower-case file name stem"),
  title: z.string().min(1),
  description: z.string().optional(),
  /** Keep articles carrying any of these tags (all articles when empty). */
  tags: z.array(z.string()).default([]),
  /** Keep articles from these sources (all when empty). */
  sources: z.array(z.string()).default([]),
  /** Keep articles in these languages (all when empty). */
  languages: z.array(z.string()).default([]),
  /** Entries per feed document. */
  limit: z.number().int().positive().default(100),
  /** Include typography-only revisions in revision feeds. */
  includeMinor: z.boolean().default(false),
});

export const serveSchema = z.strictObject({
  host: z.string().default("127.0.0.1"),
  port: z.number().int().min(0).max(65535).default(8080),
  /** /healthz answers 503 when the last successful poll is older than this. */
  healthMaxAgeMinutes: z.number().positive().default(30),
});

export const tagsSchema = z.strictObject({
  /** A YAML file with more tag rules (relative to the config file). */
  file: z.string().optional(),
  /** Tag rules added to (or, with replaceDefaults, instead of) the shipped vocabulary. */
  rules: z.array(z.unknown()).default([]),
  replaceDefaults: z.boolean().default(false),
});

export const configSchema = z.strictObject({
  /** Folder of the SQLite database (relative to the config file). */
  stateDir: z.string().default("state"),
  /** Folder of the published feeds (relative to the config file). */
  feedsDir: z.string().default("feeds"),
  /** Where `revfeed serve` is reachable; used for absolute links in feeds. */
  baseUrl: httpUrl.default("http://localhost:8080"),
  sources: z.array(sourceSchema).default([]),
  fetch: fetchSchema.default(fetchSchema.parse({})),
  schedule: scheduleSchema.default(scheduleSchema.parse({})),
  watch: watchSchema.default(watchSchema.parse({})),
  publish: z.array(publishSchema).default([]),
  websub: z.strictObject({ hub: httpUrl.optional() }).default({}),
  serve: serveSchema.default(serveSchema.parse({})),
  tags: tagsSchema.default(tagsSchema.parse({})),
  diff: z.strictObject({ showMinor: z.boolean().default(false) }).default({ showMinor: false }),
  log: z
    .strictObject({
      level: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    })
    .default({ level: "info" }),
});

export type Config = z.infer<typeof configSchema>;
export type SourceConfig = z.infer<typeof sourceSchema>;
export type FetchConfig = z.infer<typeof fetchSchema>;
export type WatchConfig = z.infer<typeof watchSchema>;
export type PublishConfig = z.infer<typeof publishSchema>;
