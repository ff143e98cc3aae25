export type FeedEncoding = "br" | "gzip";

/**
 * Picks the response encoding from Accept-Encoding (RFC 9110 §12.5.3): brotli, then gzip, when the client
 * accepts them with a non-zero q-value (`*` counts for both); otherwise null (identity).
 */
export function negotiateEncoding(header: string | undefined): FeedEncoding | null {
  if (!header) return null;
  const accepted = new Map<string, number>();
  for (const part of header.split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    accepted.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const wildcard = accepted.get("*") ?? 0;
  for (const encoding of ["br", "gzip"] as const) {
    if ((accepted.get(encoding) ?? wildcard) > 0) return encoding;
  }
  return null;
}

const negotiated = new Map<string, FeedEncoding | null>();

/**
 * negotiateEncoding, remembered per header value: feed readers send a handful of distinct Accept-Encoding
 * strings, so parsing each request's header again is wasted work. Bounded: cleared when it grows large.
 */
export function negotiateEncodingCached(header: string | undefined): FeedEncoding | null {
  if (!header) return null;
  const known = negotiated.get(header);
  if (known !== undefined) return known;
  if (negotiated.size >= 256) negotiated.clear();
  const encoding = negotiateEncoding(header);
  negotiated.set(header, encoding);
  return encoding;
}
