import type { FastifyInstance, FastifyReply } from "fastify";
import type { FeedCache, FeedVersion } from "./feed-cache.js";
import { negotiateEncodingCached } from "./feed-encodings.js";
import { FEED_ROUTE } from "./feed-fast-path.js";
import { feedRelativePath, isNotModified } from "./feed-files.js";

const PREFIX = "/feeds/";

/**
 * `/feeds/<path>`: the publisher's files, served from memory (see FeedCache): the feed media types, a strong
 * content-based ETag and Last-Modified, 304 before any body work, and brotli/gzip copies made once per file
 * version. A request does a Map lookup, picks prepared headers and sends a Buffer with its Content-Length.
 * Requests whose answer is already in memory usually never get here: see feedFastPath.
 */
export function feedRoutes(app: FastifyInstance, cache: FeedCache): void {
  app.route({
    method: "GET",
    url: FEED_ROUTE,
    // Encodings come from the cache; @fastify/compress would recompress every response. GETs have no body.
    compress: false,
    decompress: false,
    handler: (request, reply) => {
      const url = request.raw.url ?? "";
      const query = url.indexOf("?");
      const relative = feedRelativePath(url.slice(PREFIX.length, query === -1 ? undefined : query));
      if (relative === null) return reply.callNotFound();
      const found = cache.lookup(relative);
      if (found instanceof Promise) {
        return found.then((version) => respond(request.headers, reply, version));
      }
      return respond(request.headers, reply, found);
    },
  });
}

type RequestHeaders = {
  "accept-encoding"?: string | undefined;
  "if-none-match"?: string | undefined;
  "if-modified-since"?: string | undefined;
};

function respond(headers: RequestHeaders, reply: FastifyReply, version: FeedVersion | null) {
  if (version === null) return reply.callNotFound();
  const encoding = negotiateEncodingCached(headers["accept-encoding"]);
  if (isNotModified(headers, version)) return reply.code(304).headers(version.notModified(encoding)).send();
  const representation = version.body(encoding);
  // The first request for an encoding of a version waits while its copy is made.
  if (representation instanceof Promise) {
    return representation.then((made) => reply.headers(made.headers).send(made.body));
  }
  return reply.headers(representation.headers).send(representation.body);
}
