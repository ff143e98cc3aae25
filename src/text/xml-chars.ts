/**
 * Characters that XML 1.0 forbids (C0 controls except tab/LF/CR, lone surrogates, U+FFFE/U+FFFF)
 * plus bidi overrides/isolates, which let page text reorder what readers display around it.
 * `feed` and sanitize-html pass all of these through (see shared stack notes), so every string
 * bound for a feed or a page goes through here.
 */
const INVALID_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this regex's job.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/**
 * Every character either pattern can remove, in one class without lookarounds: testing for it scans a
 * long clean text (the usual case) several times faster than the replacements do.
 */
const SUSPECT =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this regex's job.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uD800-\uDFFF\uFFFE\uFFFF\u202A-\u202E\u2066-\u2069]/;

export function stripInvalidXmlChars(text: string): string {
  if (!SUSPECT.test(text)) return text;
  return text.replace(INVALID_XML, "").replace(BIDI_CONTROLS, "");
}
