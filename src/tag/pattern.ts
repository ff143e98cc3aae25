/**
 * Small helpers over regular-expression sources: folding the literal letters of a case-insensitive
 * pattern the way the text is folded, and finding the two letters a pattern can start with, so the
 * tagger tries a pattern only where a word starts with them.
 */

import { matchKey } from "./normalize.js";

/** Letter or digit on neither side: Unicode-aware whole-word matching. */
export const BEFORE = "(?<![\\p{L}\\p{N}])";
export const AFTER = "(?![\\p{L}\\p{N}])";

/** Length of the escape sequence starting at `i` (which holds a backslash). */
export function escapeLength(src: string, i: number): number {
  const next = src[i + 1];
  if (
    (next === "p" || next === "P" || next === "u" || next === "k") &&
    (src[i + 2] === "{" || src[i + 2] === "<")
  ) {
    const close = src.indexOf(src[i + 2] === "{" ? "}" : ">", i + 3);
    return close === -1 ? src.length - i : close - i + 1;
  }
  if (next === "u") return 6;
  if (next === "x") return 4;
  if (next === "c") return 3;
  return 2;
}

/** Lower-cases literal letters (outside escapes and group names) the same way text is folded. */
export function foldPatternSource(src: string): string {
  let out = "";
  let i = 0;
  while (i < src.length) {
    const ch = src[i] ?? "";
    if (ch === "\\") {
      const n = escapeLength(src, i);
      out += src.slice(i, i + n);
      i += n;
    } else if (src.startsWith("(?<", i) && src[i + 3] !== "=" && src[i + 3] !== "!") {
      const close = src.indexOf(">", i);
      const end = close === -1 ? src.length : close + 1;
      out += src.slice(i, end);
      i = end;
    } else {
      out += matchKey(ch);
      i += ch.length;
    }
  }
  return out;
}

/** Splits `src` at top-level `|`. */
function topLevelBranches(src: string): string[] {
  const branches: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (ch === "\\") {
      i += escapeLength(src, i);
      continue;
    }
    if (inClass) {
      if (ch === "]") inClass = false;
    } else if (ch === "[") inClass = true;
    else if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if (ch === "|" && depth === 0) {
      branches.push(src.slice(start, i));
      start = i + 1;
    }
    i++;
  }
  branches.push(src.slice(start));
  return branches;
}

/** Index just past the group that opens at `i`. */
function groupEnd(src: string, i: number): number {
  let depth = 0;
  let inClass = false;
  let j = i;
  while (j < src.length) {
    const ch = src[j];
    if (ch === "\\") {
      j += escapeLength(src, j);
      continue;
    }
    if (inClass) {
      if (ch === "]") inClass = false;
    } else if (ch === "[") inClass = true;
    else if (ch === "(") depth++;
    else if (ch === ")") {
      depth--;
      if (depth === 0) return j + 1;
    }
    j++;
  }
  return src.length;
}

const OPTIONAL_QUANTIFIER = /^(?:\?|\*|\{0[,}])/;
const REPEAT_QUANTIFIER = /^(?:\+|\{[1-9])/;
const MAX_PREFIXES = 64;

interface Atom {
  /** The characters the atom matches, or the branches of a group. */
  chars?: Set<string>;
  branches?: string[];
  /** Source after the atom; null when a repeat quantifier makes what follows hard to tell. */
  rest: string | null;
  /** For an atom made optional by `?`: its own source, so a match may start with it or with `rest`. */
  optional?: string;
}

/** The first atom of `src`, or null when it is not a literal, simple class or group. */
function firstAtom(src: string): Atom | null {
  if (src.length === 0) return null;
  const ch = src[0] ?? "";
  let end: number;
  let atom: Omit<Atom, "rest">;
  if (ch === "(") {
    if (/^\(\?(?:=|!|<=|<!)/.test(src)) return null;
    end = groupEnd(src, 0);
    let inner = src.slice(1, end - 1);
    if (inner.startsWith("?:")) inner = inner.slice(2);
    else if (inner.startsWith("?<")) inner = inner.slice(inner.indexOf(">") + 1);
    atom = { branches: topLevelBranches(inner) };
  } else if (ch === "[") {
    const close = src.indexOf("]", 1);
    const body = src.slice(1, close);
    if (close === -1 || body.startsWith("^") || /[\\-]/.test(body)) return null;
    end = close + 1;
    atom = { chars: new Set(Array.from(body)) };
  } else if (ch === "\\") {
    const next = src[1] ?? "";
    if (next === "" || /[\p{L}\p{N}]/u.test(next)) return null;
    end = 2;
    atom = { chars: new Set([next]) };
  } else if (".^$|?*+{)".includes(ch)) {
    return null;
  } else {
    const cp = String.fromCodePoint(src.codePointAt(0) ?? 0);
    end = cp.length;
    atom = { chars: new Set([cp]) };
  }
  const after = src.slice(end);
  if (after.startsWith("?")) {
    return { ...atom, rest: after.slice(after.startsWith("??") ? 2 : 1), optional: src.slice(0, end) };
  }
  if (OPTIONAL_QUANTIFIER.test(after)) return null;
  if (REPEAT_QUANTIFIER.test(after)) return { ...atom, rest: null };
  return { ...atom, rest: after };
}

/**
 * Every string of `length` characters a match of `src` can start with, or null when that cannot be
 * told from the source (classes with ranges, letters repeated from zero times, \p{…} and so on).
 */
export function prefixes(src: string, length: number): Set<string> | null {
  if (length === 0) return new Set([""]);
  const result = new Set<string>();
  for (const branch of topLevelBranches(src)) {
    const atom = firstAtom(branch);
    if (atom === null) return null;
    if (atom.optional !== undefined && atom.rest !== null) {
      const without = prefixes(atom.rest, length);
      const withIt = prefixes(atom.optional + atom.rest, length);
      if (without === null || withIt === null) return null;
      for (const s of [...without, ...withIt]) result.add(s);
    } else if (atom.branches !== undefined) {
      if (atom.rest === null) return null;
      for (const b of atom.branches) {
        const sub = prefixes(b + atom.rest, length);
        if (sub === null) return null;
        for (const s of sub) result.add(s);
      }
    } else {
      const tails =
        length === 1 ? new Set([""]) : atom.rest === null ? null : prefixes(atom.rest, length - 1);
      if (tails === null) return null;
      for (const c of atom.chars ?? []) for (const t of tails) result.add(c + t);
    }
    if (result.size > MAX_PREFIXES) return null;
  }
  for (const s of result) if (s.length !== length) return null;
  return result;
}
