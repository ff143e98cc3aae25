import { isAscii, isUtf8, transcode } from "node:buffer";

/**
 * UTF-8 bytes -> string, exactly as `new TextDecoder("utf-8").decode(bytes)` gives it, several times faster
 * for text that is not ASCII.
 *
 * TextDecoder and `Buffer.toString` go through V8's UTF-8 decoder, which turns Cyrillic into a two-byte
 * string at about 400 MB/s: 130–170 µs for a 66 KB Trend page, the largest single cost of analysing one.
 * Node's `transcode` to UTF-16LE converts well-formed UTF-8 in bulk outside V8 (Node bundles simdutf for
 * this), and V8 then only copies the result into a string: 27 µs for the same page, checks included
 * (`npm run bench:decode`). It refuses malformed input, and
 * costs more than TextDecoder for short or ASCII text (which V8 copies into a one-byte string), so those
 * take TextDecoder, as do very long inputs (below) and everything on a Node built without ICU.
 */

const decoder = new TextDecoder("utf-8");

/** Below this many bytes TextDecoder is as fast (measured crossover: about 200 bytes of Cyrillic). */
const SHORT = 256;
/**
 * Above this, TextDecoder again. transcode first makes a UTF-16 copy (twice the bytes, outside V8's heap,
 * freed at a later garbage collection): for the bench's 3.7 MB feed of 10,000 items that transient 7 MB
 * raised the watcher's peak RSS by about 6 MB (193–200 against 187–195 MB), to save 4.5 ms a poll.
 */
const LONG = 1 << 20;

export function decodeUtf8(bytes: Uint8Array): string {
  if (
    bytes.byteLength < SHORT ||
    bytes.byteLength > LONG ||
    typeof transcode !== "function" ||
    isAscii(bytes) ||
    !isUtf8(bytes)
  ) {
    return decoder.decode(bytes);
  }
  // TextDecoder drops a leading byte order mark; transcode would keep it as U+FEFF.
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  return transcode(body, "utf8", "utf16le").toString("utf16le");
}

const encoder = new TextEncoder();

/**
 * String -> UTF-8 bytes, exactly as `new TextEncoder().encode(text)` gives them (a lone surrogate becomes
 * U+FFFD), by the same route backwards: V8 copies the string out as UTF-16 and transcode converts it, 3–4
 * times faster than TextEncoder for Cyrillic and about 2 µs slower for 3 KB of ASCII.
 */
export function encodeUtf8(text: string): Uint8Array {
  if (text.length < SHORT || typeof transcode !== "function") return encoder.encode(text);
  try {
    return transcode(Buffer.from(text, "utf16le"), "utf16le", "utf8");
  } catch {
    return encoder.encode(text); // a lone surrogate: transcode refuses it, TextEncoder replaces it
  }
}
