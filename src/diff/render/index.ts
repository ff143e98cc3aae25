/** One entry point for every diff format. */
import type { Change } from "../types.js";
import { renderColor } from "./color.js";
import type { RenderOptions } from "./common.js";
import { renderHtml } from "./html.js";
import { renderJson } from "./json.js";
import { renderText } from "./text.js";

export type DiffFormat = "text" | "color" | "html" | "json";
export const DIFF_FORMATS: readonly DiffFormat[] = ["text", "color", "html", "json"];

const RENDERERS: Record<DiffFormat, (change: Change, opts: RenderOptions) => string> = {
  text: renderText,
  color: renderColor,
  html: renderHtml,
  json: renderJson,
};

/** Renders a change in one format. Throws on an unknown format name (it may come from a command line). */
export function renderDiff(change: Change, format: DiffFormat, opts: RenderOptions = {}): string {
  const render = RENDERERS[format];
  if (!render)
    throw new Error(`diff: unknown format "${String(format)}" (expected ${DIFF_FORMATS.join(", ")})`);
  return render(change, opts);
}
