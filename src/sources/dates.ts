/**
 * Feed and meta dates to UTC ISO strings. RFC 822 (`Fri, 24 Oct 2025 14:35:00 +0400`) and RFC 3339
 * (`2025-10-24T14:35:00+04:00`) both parse with Date.parse; a date that names no zone is read as UTC,
 * never as the server's local time, so the result does not depend on where revfeed runs.
 */

const HAS_ZONE = /(?:Z|[+-]\d{2}:?\d{2}|\b(?:GMT|UTC?|[ECMP][SD]T)|\s[A-IK-Z])\s*$/i;
const ISO_DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export function toUtcIso(value: string | null | undefined): string | null {
  const text = value?.trim().replace(/\s+/g, " ");
  if (!text) return null;
  let candidate = text;
  if (!ISO_DATE_ONLY.test(text) && !HAS_ZONE.test(text)) {
    candidate = /^\d{4}-\d{2}-\d{2}[T ]\d/.test(text) ? `${text.replace(" ", "T")}Z` : `${text} GMT`;
  }
  const ms = Date.parse(candidate);
  if (Number.isNaN(ms)) return null;
  return new Date(ms).toISOString();
}
