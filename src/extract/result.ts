import type { ExtractedArticle } from "../model.js";

export type ExtractFailure = "empty" | "no-title" | "no-body" | "listing" | "too-short";

export type ExtractResult =
  | { ok: true; article: ExtractedArticle }
  | { ok: false; reason: ExtractFailure; message: string };

export interface ExtractOptions {
  /** Language to report when neither the page nor its host says (the source's configured language). */
  lang?: string;
  /** Bodies with fewer characters than this are refused as `too-short` (default 30). */
  minChars?: number;
}

export function failure(reason: ExtractFailure, pageUrl: string, detail: string): ExtractResult {
  return { ok: false, reason, message: `extract ${pageUrl}: ${detail}` };
}
