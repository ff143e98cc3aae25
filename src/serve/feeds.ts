import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { FeedFiles, feedRelativePath, isNotModified } from "./feed-files.js";

const PREFIX = "/feeds/";

/**
 * `/feeds/<path>`: the publisher's files. @fastify/static streams the bytes; this route adds what feed
 * readers rely on and `send` does not give: the feed media types and a strong, content-based ETag, answered
 * with 304 before any file is opened.
 */
export async function feedRoutes(app: FastifyInstance, feedsDir: string): Promise<void> {
  const files = new FeedFiles(feedsDir);
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

  app.get(`${PREFIX}*`, async (request, reply) => {
    const rawPath = (request.raw.url ?? "").split("?")[0] ?? "";
    const relative = feedRelativePath(rawPath.slice(PREFIX.length));
    const file = relative === null ? null : await files.lookup(relative);
    if (relative === null || file === null) return reply.callNotFound();
    reply.headers({
      etag: file.etag,
      "last-modified": file.lastModified.toUTCString(),
      "cache-control": "public, max-age=60",
      "access-control-allow-origin": "*",
      "cross-origin-resource-policy": "cross-origin",
      vary: "accept-encoding",
    });
    if (isNotModified(request.headers, file)) return reply.code(304).send();
    reply.type(file.mediaType);
    return reply.sendFile(relative, feedsDir);
  });
}
