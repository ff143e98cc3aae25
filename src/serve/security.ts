import { createHash } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { STYLESHEET } from "./pages/style.js";

const styleHash = `'sha256-${createHash("sha256").update(STYLESHEET).digest("base64")}'`;

/**
 * Nothing runs on these pages: no script at all, the one stylesheet allowed by hash, images only from this
 * server or https (article photos), no framing, forms only back to this server (the tag filter).
 * `style-src-attr` admits the inline styles diff markup carries for feed readers that drop classes.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "img-src 'self' https: data:",
  `style-src ${styleHash}`,
  `style-src-elem ${styleHash}`,
  "style-src-attr 'unsafe-inline'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export const SECURITY_HEADERS: Record<string, string> = {
  "content-security-policy": CONTENT_SECURITY_POLICY,
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-site",
};

/**
 * Adds the security headers to every response, errors and 304s included. A callback hook, not an async
 * one: it runs on every feed request, and a promise per request is measurable at feed-reader rates.
 */
export function addSecurityHeaders(app: FastifyInstance): void {
  app.addHook("onRequest", (_request, reply, done) => {
    reply.headers(SECURITY_HEADERS);
    done();
  });
}
