import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import type { Clock } from "../clock.js";
import { CompressedFeeds, negotiateEncoding } from "./feed-encodings.js";
import { encodedTag, FeedFiles, feedRelativePath, isNotModified } from "./feed-files.js";

const PREFIX = "/feeds/";

/**
 * `/feeds/<path>`: the publisher's files. @fastify/static streams the bytes; this route adds what feed
 * readers rely on and `send` does not give: the feed media types, a strong content-based ETag answered with
 * 304 before any file is opened, and compressed copies made once per file version (see CompressedFeeds).
 */
export async function feedRoutes(app: FastifyInstance, feedsDir: string, clock: Clock): Promise<void> {
  const files = new FeedFiles(feedsDir, clock);
  const compressed = new CompressedFeeds();
  await app.register(fastifyStatic, {
    root: feedsDir,
    serve: false,
    // Validators and types are set below; send's own would be a weak ETag and application/json.
    etag: false,
    lastModified: false,
    cacheControl: false,
    contentType: false,
    acceptRanges: false,
    dotfiles: "deny",
    index: false,
  });

  app.route({
    method: "GET",
    url: `${PREFIX}*`,
    // Encoding is chosen here, from cached copies; @fastify/compress would recompress every response.
    compress: false,
    handler: async (request, reply) => {
      const rawPath = (request.raw.url ?? "").split("?")[0] ?? "";
      const relative = feedRelativePath(rawPath.slice(PREFIX.length));
      const file = relative === null ? null : await files.lookup(relative);
      if (relative === null || file === null) return reply.callNotFound();
      let encoding = negotiateEncoding(request.headers["accept-encoding"]);
      reply.headers({
        "last-modified": file.lastModified.toUTCString(),
        "cache-control": "public, max-age=60",
        "access-control-allow-origin": "*",
        "cross-origin-resource-policy": "cross-origin",
        vary: "accept-encoding",
      });
      if (isNotModified(request.headers, file)) {
        return reply.code(304).header("etag", encodedTag(file.etag, encoding)).send();
      }
      reply.type(file.mediaType);
      if (encoding !== null) {
        const bytes = await compressed.get(file.absolutePath, file.etag, encoding).catch(() => null);
        if (bytes !== null) {
          return reply
            .headers({ etag: encodedTag(file.etag, encoding), "content-encoding": encoding })
            .send(bytes);
        }
        encoding = null;
      }
      reply.header("etag", file.etag);
      return reply.sendFile(relative, feedsDir);
    },
  });
}
