import type { Database } from "better-sqlite3";
import type { StoredParagraphs } from "./paragraph-codec.js";
import { cachedStatement } from "./statements.js";

/**
 * Small reads behind a check. A check needs the latest revision's hash and marker before it fetches, and
 * its full text only when the page came back changed (a 304 needs no text): reading and parsing the
 * paragraphs of every watched article each cycle would cost more than the conditional request itself.
 */

const sql = cachedStatement;

export interface RevisionHead {
  seq: number;
  hash: string;
  developing: boolean;
}

export function latestRevisionHead(db: Database, articleId: number): RevisionHead | null {
  const row = sql(
    db,
    "SELECT seq, hash, developing FROM revisions WHERE article_id = ? ORDER BY seq DESC LIMIT 1",
  ).get(articleId) as { seq: number; hash: string; developing: number } | undefined;
  return row ? { seq: row.seq, hash: row.hash, developing: row.developing === 1 } : null;
}

/**
 * The heads of many articles in one query (a cycle's due list); articles without revisions are absent.
 * The index is named: for this join SQLite picks the unique (article_id, seq) index and then reads each
 * row, walking its text's overflow pages to reach the hash (see migration 0003).
 */
export function latestRevisionHeads(db: Database, articleIds: readonly number[]): Map<number, RevisionHead> {
  const rows = sql(
    db,
    `SELECT r.article_id, r.seq, r.hash, r.developing FROM json_each(?) j
       JOIN revisions r INDEXED BY revisions_head ON r.article_id = j.value
        AND r.seq = (SELECT max(seq) FROM revisions m WHERE m.article_id = j.value)`,
  ).all(JSON.stringify(articleIds)) as {
    article_id: number;
    seq: number;
    hash: string;
    developing: number;
  }[];
  return new Map(
    rows.map((r) => [r.article_id, { seq: r.seq, hash: r.hash, developing: r.developing === 1 }]),
  );
}

/** seq and hash of every revision of an article, oldest first. */
export function revisionHashes(db: Database, articleId: number): { seq: number; hash: string }[] {
  return sql(db, "SELECT seq, hash FROM revisions WHERE article_id = ? ORDER BY seq").all(articleId) as {
    seq: number;
    hash: string;
  }[];
}

/** What a changed page is compared with: the latest revision, its paragraphs as stored (paragraph-codec.ts). */
export interface RevisionText extends RevisionHead {
  title: string;
  /** Decoded on the analysis thread (analyse-page.ts): the fetch loop's thread never parses them. */
  storedParagraphs: StoredParagraphs;
}

/** The latest revision's text, or null for an article without revisions. */
export function latestRevisionText(db: Database, articleId: number): RevisionText | null {
  // CAST AS BLOB hands over the stored UTF-8 as it is, where reading TEXT would convert it to a JS string.
  const row = sql(
    db,
    `SELECT seq, hash, developing, title, CAST(paragraphs AS BLOB) AS paragraphs FROM revisions
       WHERE article_id = ? ORDER BY seq DESC LIMIT 1`,
  ).get(articleId) as
    | { seq: number; hash: string; developing: number; title: string; paragraphs: Uint8Array }
    | undefined;
  if (!row) return null;
  const { seq, hash, developing, title, paragraphs } = row;
  return { seq, hash, developing: developing === 1, title, storedParagraphs: paragraphs };
}
