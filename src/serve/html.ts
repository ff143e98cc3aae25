import { stripInvalidXmlChars } from "../text/xml-chars.js";

/**
 * A tiny auto-escaping template for server-rendered pages: every `${value}` is HTML-escaped unless it is
 * already `SafeHtml` (built by this template, or HTML that went through the sanitizer or the diff renderer).
 * Escaping by default means forgetting a call leaves text inert instead of leaving a hole.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Interpolation = SafeHtml | string | number | null | undefined | false | readonly Interpolation[];

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for element content and quoted attributes; drops XML-invalid and bidi control characters. */
export function escapeHtml(text: string): string {
  return stripInvalidXmlChars(text).replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0] ?? "";
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? "");
  return new SafeHtml(out);
}

/** Marks HTML as trusted: only for output of the sanitizer or the diff renderer. */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup);
}
