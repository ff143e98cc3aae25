import type { IncomingMessage, ServerResponse } from "node:http";
import type { FeedCache } from "./feed-cache.js";
import { negotiateEncodingCached } from "./feed-encodings.js";
import { feedRelativePath, isNotModified } from "./feed-files.js";

/** The route the feeds are served under, as the metrics label it. */
export const FEED_ROUTE = "/feeds/*";
const PREFIX = "/feeds/";

export type RecordRequest = (method: string, route: string, statusCode: number, seconds: number) => void;

/**
 * Answers a feed request straight from node:http when the answer is already in memory (a fresh version and,
 * for a 200, its encoded copy): the 304s and 200s that make up nearly all feed traffic. Fastify's request
 * machinery (routing, hooks, reply) costs more per request than everything else a cached feed needs, about
 * as much again as a bare node:http answer. Anything else (a file to stat or read, a copy to make, a bad
 * path, another method) returns false and goes to Fastify's `/feeds/*` route, which answers the same way
 * with the same prepared headers (security headers included, see FeedCache's baseHeaders).
 */
export function feedFastPath(
  cache: FeedCache,
  record: RecordRequest,
): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    const url = req.url;
    const method = req.method;
    if (url === undefined || !url.startsWith(PREFIX) || (method !== "GET" && method !== "HEAD")) return false;
    const start = performance.now();
    const query = url.indexOf("?");
    const relative = feedRelativePath(url.slice(PREFIX.length, query === -1 ? undefined : query));
    if (relative === null) return false;
    const version = cache.lookup(relative);
    if (version === null || version instanceof Promise) return false;
    const encoding = negotiateEncodingCached(req.headers["accept-encoding"]);
    if (isNotModified(req.headers, version)) {
      res.writeHead(304, version.notModified(encoding));
      res.end();
    } else {
      const representation = version.body(encoding);
      if (representation instanceof Promise) return false;
      res.writeHead(200, representation.headers);
      res.end(method === "HEAD" ? undefined : representation.body);
    }
    record(method, FEED_ROUTE, res.statusCode, (performance.now() - start) / 1000);
    return true;
  };
}
