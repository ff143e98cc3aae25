/**
 * Reusable typed-array copies of strings' UTF-16 units. The tagger's loops read every unit of a
 * long text; reading a Uint16Array is several times cheaper than `charCodeAt` on the sliced or
 * concatenated strings callers pass, and `Buffer.write` copies the units at memory speed.
 */

/** `Buffer` writes UTF-16 little-endian; typed arrays read in the machine's byte order. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export class UnitBuffer {
  private raw = Buffer.allocUnsafeSlow(1 << 16);
  private view = new Uint16Array(this.raw.buffer, this.raw.byteOffset, this.raw.length >> 1);

  /** Room for `n` units (contents undefined). Valid until the buffer is next used. */
  reserve(n: number): Uint16Array {
    if (this.view.length < n) {
      this.raw = Buffer.allocUnsafeSlow(2 * Math.max(n, 2 * this.view.length));
      this.view = new Uint16Array(this.raw.buffer, this.raw.byteOffset, this.raw.length >> 1);
    }
    return this.view;
  }

  /** The units of `text` in [0, text.length). Valid until the buffer is next used. */
  load(text: string): Uint16Array {
    const units = this.reserve(text.length);
    if (LITTLE_ENDIAN) this.raw.write(text, 0, 2 * text.length, "utf16le");
    else for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
    return units;
  }

  /** The first `n` units as a string. */
  text(n: number): string {
    if (LITTLE_ENDIAN) return this.raw.toString("utf16le", 0, 2 * n);
    let out = "";
    for (let i = 0; i < n; i += 4096) {
      out += String.fromCharCode(...this.view.subarray(i, Math.min(n, i + 4096)));
    }
    return out;
  }
}
