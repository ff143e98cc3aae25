import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { FeedEntry } from "./document.js";
import { articleEntriesKey } from "./entry-key.js";
import type { PublishArticle, PublishSite } from "./input.js";
import { revisionEntryId } from "./links.js";
import type { ByteRange } from "./splice.js";

/**
 * An article's own feed (`articles/<id>.atom`, up to 50 revisions, each with its full text and diff) is
 * rendered again whenever the article changes, yet its older entries come out as the very bytes of the
 * file written last time: a revision never changes once stored, and what else a revision entry shows of
 * its article (URL, language, tags, the title where a revision has none, the site's links and labels) is
 * summed up in `key`. So those entries are taken from that file, by the byte ranges noted when it was
 * written, once the file is checked to be exactly those bytes. A changed article then costs its new
 * revisions, not all of them (bench:rounds, ninth revision of 2,000 articles: 2.8 s → 1.0 s per publish).
 * Removal entries are always rendered: the text they show depends on which revisions are in the window.
 */

/** What was noted of an article feed's file when it was written: which bytes each revision entry is. */
export interface WrittenArticleFeed {
  key: string;
  /** Per text revision entry: its seq and byte range in the file (ranges are [start, end)). */
  seqs: number[];
  starts: number[];
  ends: number[];
}

/**
 * Notes where the text revision entries of a just rendered article feed sit: `entries` are the document's
 * entries and `ranges` where `assemble` laid each of them out in the file, in that order.
 */
export function noteArticleFeed(
  site: PublishSite,
  article: PublishArticle,
  entries: readonly FeedEntry[],
  ranges: readonly ByteRange[],
): WrittenArticleFeed {
  const textIds = new Map<string, number>();
  for (const rev of article.revisions) {
    if (rev.event !== "removed") textIds.set(revisionEntryId(site, article.id, rev.seq), rev.seq);
  }
  const noted: WrittenArticleFeed = { key: articleEntriesKey(site, article), seqs: [], starts: [], ends: [] };
  ranges.forEach(({ start, end }, i) => {
    const entry = entries[i];
    const seq = entry ? textIds.get(entry.id) : undefined;
    if (seq === undefined) return;
    noted.seqs.push(seq);
    noted.starts.push(start);
    noted.ends.push(end);
  });
  return noted;
}

/**
 * The entries that can be taken from the article feed's file as last written, by entry id; null when
 * nothing can (nothing noted, the article's key moved, or the file is not the bytes whose sha1 the render
 * cache holds as written, `digest`).
 */
export function reusableEntries(
  dir: string,
  file: string,
  noted: WrittenArticleFeed | undefined,
  digest: string | undefined,
  site: PublishSite,
  article: PublishArticle,
): Map<string, Buffer> | null {
  if (!noted || digest === undefined || noted.seqs.length === 0) return null;
  if (noted.key !== articleEntriesKey(site, article)) return null;
  let bytes: Buffer;
  try {
    bytes = readFileSync(path.join(dir, file));
  } catch {
    return null;
  }
  if (createHash("sha1").update(bytes).digest("base64") !== digest) return null;
  const found = new Map<string, Buffer>();
  noted.seqs.forEach((seq, i) => {
    found.set(revisionEntryId(site, article.id, seq), bytes.subarray(noted.starts[i], noted.ends[i]));
  });
  return found;
}
