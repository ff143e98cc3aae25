import type { SourceConfig } from "../config/schema.js";
import { shrankSuspiciously } from "../extract/plausibility.js";
import { decodeBody } from "../fetch/charset.js";
import type { ExtractedArticle, TagResult } from "../model.js";
import {
  decodeParagraphTexts,
  encodeParagraphBytes,
  type StoredParagraphs,
} from "../store/paragraph-codec.js";
import type { ChangeSummary, WatchStages } from "./deps.js";
import { renderFeedDiff } from "./feed-diffs.js";

/**
 * Everything a check does with a fetched page that needs no store: extract, refuse an implausibly short
 * body, hash, find the marker and, when the text differs from the latest revision, summarize the change and
 * tag it. Pure and self-contained (plain data in, plain data out), so it can run on a worker thread
 * (page-pool.ts) while the main thread keeps fetching.
 */

export type AnalysisStages = Pick<
  WatchStages,
  "extract" | "hash" | "detectMarker" | "summarizeChange" | "tag"
>;

export interface PreviousText {
  title: string;
  /** Its paragraphs as the store holds them (paragraph-codec.ts), decoded where the analysis runs. */
  storedParagraphs: StoredParagraphs;
  developing: boolean;
  hash: string;
}

/**
 * The page as fetched: its bytes and Content-Type (decoded where the analysis runs, off the fetch loop's
 * thread), or text already decoded. `transfer`: the caller gives the bytes up, and an analysis thread may
 * take their buffer instead of a copy (page-pool.ts); the caller must not read them afterwards.
 */
export type PageBody =
  | { html: string }
  | { bytes: Uint8Array; contentType: string | null; transfer?: boolean };

export type PageInput = PageBody & {
  url: string;
  source: SourceConfig;
  /** The article's stored language, used for tagging when the page does not say. */
  articleLang: string | null;
  /** The latest stored revision, or null for an article never captured. */
  previous: PreviousText | null;
  /** seq and hash of every stored revision, oldest first: a text seen before is a revert to it. */
  knownHashes: { seq: number; hash: string }[];
  minLengthRatio: number;
  /** Render the change as feeds show it (only when something publishes feeds). */
  feedDiff?: boolean;
};

export type PageAnalysis =
  | { kind: "failed"; reason: string; message: string }
  | { kind: "same"; hash: string; developing: boolean }
  | {
      kind: "changed";
      /** What the page says besides its text, which comes as storedParagraphs. */
      found: Omit<ExtractedArticle, "paragraphs">;
      hash: string;
      developing: boolean;
      /** The earlier revision this text returns to, if any. */
      revertOf: number | null;
      change: ChangeSummary;
      /** The change as feeds show it (feed-diffs.ts); null for a first revision or when not asked for. */
      diffHtml: string | null;
      tags: TagResult[];
      /**
       * The text as the store will hold it, encoded here: the fetch loop's thread neither encodes it nor
       * receives the paragraphs as objects (about 30 KB of strings a page, to copy in and collect).
       */
      storedParagraphs: StoredParagraphs;
    };

export function analysePage(stages: AnalysisStages, input: PageInput): PageAnalysis {
  const html = "html" in input ? input.html : decodeBody(input.bytes, input.contentType).text;
  const extracted = stages.extract(html, input.url, input.source);
  if (!extracted.ok) return { kind: "failed", reason: extracted.reason, message: extracted.message };
  const { paragraphs, ...found } = extracted.article;
  const texts = paragraphs.map((p) => p.text);
  const previous = input.previous && {
    ...input.previous,
    paragraphs: decodeParagraphTexts(input.previous.storedParagraphs),
  };
  const implausible = previous ? implausiblyShort(previous.paragraphs, texts, input.minLengthRatio) : null;
  if (implausible) return { kind: "failed", reason: "too-short", message: implausible };

  const hash = stages.hash(found.title, texts);
  const developing = stages.detectMarker(texts);
  if (previous && previous.hash === hash) return { kind: "same", hash, developing };

  const revertOf = previous ? (input.knownHashes.find((h) => h.hash === hash)?.seq ?? null) : null;
  const { diff, ...change } = stages.summarizeChange(
    previous
      ? { title: previous.title, paragraphs: previous.paragraphs, developing: previous.developing }
      : null,
    { title: found.title, paragraphs: texts, developing },
    revertOf,
  );
  const tags = stages.tag([found.title, ...texts].join("\n\n"), found.lang ?? input.articleLang);
  const diffHtml = diff && input.feedDiff === true ? renderFeedDiff(diff) : null;
  const storedParagraphs = encodeParagraphBytes(paragraphs);
  return { kind: "changed", found, hash, developing, revertOf, change, diffHtml, tags, storedParagraphs };
}

/** A body far shorter than the stored one is more likely a broken page than a real edit. */
function implausiblyShort(before: string[], after: string[], minRatio: number): string | null {
  if (!shrankSuspiciously(before, after, minRatio)) return null;
  const chars = (ps: string[]) => ps.reduce((n, p) => n + p.length, 0);
  return `body shrank from ${chars(before)} to ${chars(after)} characters (below ${Math.round(minRatio * 100)} % of the previous revision)`;
}
