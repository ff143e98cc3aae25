import type { Database, Statement } from "better-sqlite3";
import type { ArticleEvent, ArticleStatus, Paragraph, Revision, TagResult } from "../model.js";
import { type OpenOptions, openDatabase } from "./open.js";
import { encodeParagraphs, type StoredParagraphs } from "./paragraph-codec.js";
import { registerArticle } from "./register-article.js";
import {
  type ArticleRow,
  type EventRow,
  type RevisionRow,
  toEvent,
  toRevision,
  toWatched,
  type WatchedArticle,
} from "./rows.js";

export { toWatched, type WatchedArticle } from "./rows.js";

export interface SourceState {
  id: string;
  etag: string | null;
  lastModified: string | null;
  lastPolledAt: string | null;
  lastSuccessAt: string | null;
  nextPollAt: string | null;
  consecutiveFailures: number;
  lastError: string | null;
  extractFailures: number;
}

export interface NewArticle {
  key: string;
  url: string;
  sourceId: string;
  siteId: string | null;
  lang: string | null;
  title: string;
  publishedAt: string | null;
}

/** A revision to store: the model's fields less those the store assigns, plus the response it came from. */
export interface NewRevision extends Omit<Revision, "id" | "articleId" | "seq" | "paragraphs"> {
  /**
   * The text: paragraphs, or the form they are stored in, as the page analysis encodes it on its thread
   * (paragraph-codec.ts encodeParagraphBytes), so that the fetch loop's thread never holds the paragraphs.
   */
  paragraphs: readonly Paragraph[] | StoredParagraphs;
  httpStatus: number | null;
  etag: string | null;
  lastModified: string | null;
  finalUrl: string | null;
}

/** A revision just stored, as recordCheck returns it: all but its text (getRevision reads that). */
export type AddedRevision = Omit<Revision, "paragraphs">;

/** What one check changes about an article; undefined fields are left as they are. */
export interface ArticleUpdate {
  status?: ArticleStatus;
  title?: string;
  lang?: string | null;
  publishedAt?: string | null;
  lastChangedAt?: string;
  lastCheckedAt?: string;
  nextCheckAt?: string | null;
  finalChecksLeft?: number;
  etag?: string | null;
  lastModified?: string | null;
  consecutiveFailures?: number;
  lastError?: string | null;
}

export interface CheckRecord {
  revision?: NewRevision;
  event?: { kind: ArticleEvent["kind"]; at: string; detail?: string | null };
  article: ArticleUpdate;
}

const ARTICLE_COLUMNS: Record<keyof ArticleUpdate, string> = {
  status: "status",
  title: "title",
  lang: "lang",
  publishedAt: "published_at",
  lastChangedAt: "last_changed_at",
  lastCheckedAt: "last_checked_at",
  nextCheckAt: "next_check_at",
  finalChecksLeft: "final_checks_left",
  etag: "etag",
  lastModified: "last_modified",
  consecutiveFailures: "consecutive_failures",
  lastError: "last_error",
};

/** One method per store operation; each write is one transaction. */
export class Store {
  readonly db: Database;
  /**
   * The transactions, made once: better-sqlite3's db.transaction() builds four wrapper functions and defines
   * their properties on every call, about 5 KB of garbage and 3–4 µs, twice for every new article.
   */
  readonly #upsertArticle: (item: NewArticle, now: string) => { article: WatchedArticle; created: boolean };
  readonly #recordCheck: (articleId: number, record: CheckRecord) => AddedRevision | null;

  constructor(db: Database) {
    this.db = db;
    this.#upsertArticle = db.transaction((item: NewArticle, now: string) =>
      this.#upsertArticleNow(item, now),
    );
    this.#recordCheck = db.transaction((id: number, record: CheckRecord) => this.#recordCheckNow(id, record));
  }

  static open(stateDir: string, options: OpenOptions = {}): Store {
    return new Store(openDatabase(stateDir, options));
  }

  /** Prepared statements are compiled once per connection: checks run thousands of times a cycle. */
  #statements = new Map<string, Statement>();
  #sql(sql: string): Statement {
    let stmt = this.#statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.#statements.set(sql, stmt);
    }
    return stmt;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  // --- sources -------------------------------------------------------------

  syncSource(source: { id: string; url: string; profile: string }): void {
    this.#sql(
      `INSERT INTO sources (id, url, profile) VALUES (?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET url = excluded.url, profile = excluded.profile,
           etag = CASE WHEN sources.url = excluded.url THEN sources.etag END,
           last_modified = CASE WHEN sources.url = excluded.url THEN sources.last_modified END`,
    ).run(source.id, source.url, source.profile);
  }

  getSource(id: string): SourceState | null {
    const row = this.#sql("SELECT * FROM sources WHERE id = ?").get(id) as
      | Record<string, unknown>
      | undefined;
    if (!row) return null;
    return {
      id: row.id as string,
      etag: row.etag as string | null,
      lastModified: row.last_modified as string | null,
      lastPolledAt: row.last_polled_at as string | null,
      lastSuccessAt: row.last_success_at as string | null,
      nextPollAt: row.next_poll_at as string | null,
      consecutiveFailures: row.consecutive_failures as number,
      lastError: row.last_error as string | null,
      extractFailures: row.extract_failures as number,
    };
  }

  updateSource(id: string, patch: Partial<Omit<SourceState, "id">>): void {
    const columns: Record<string, string> = {
      etag: "etag",
      lastModified: "last_modified",
      lastPolledAt: "last_polled_at",
      lastSuccessAt: "last_success_at",
      nextPollAt: "next_poll_at",
      consecutiveFailures: "consecutive_failures",
      lastError: "last_error",
      extractFailures: "extract_failures",
    };
    const keys = Object.keys(patch).filter(
      (k) => k in columns && patch[k as keyof typeof patch] !== undefined,
    );
    if (keys.length === 0) return;
    const sets = keys.map((k) => `${columns[k]} = @${k}`).join(", ");
    this.#sql(`UPDATE sources SET ${sets} WHERE id = @id`).run({ ...patch, id });
  }

  // --- articles ------------------------------------------------------------

  /** Adds an article seen in a feed, or records that another feed also lists it. */
  upsertArticle(item: NewArticle, now: string): { article: WatchedArticle; created: boolean } {
    return this.#upsertArticle(item, now);
  }

  #upsertArticleNow(item: NewArticle, now: string): { article: WatchedArticle; created: boolean } {
    const { id, created } = registerArticle(this.db, item, now);
    return { article: this.getArticle(id) as WatchedArticle, created };
  }

  getArticle(id: number): WatchedArticle | null {
    const row = this.#sql("SELECT * FROM articles WHERE id = ?").get(id) as ArticleRow | undefined;
    return row ? toWatched(row) : null;
  }

  /** Finds an article by internal id, canonical key, URL or the site's numeric id. */
  findArticle(ref: { id?: number; keys?: string[]; url?: string; siteId?: string }): WatchedArticle | null {
    const tries: [string, unknown][] = [];
    if (ref.id !== undefined) tries.push(["id = ?", ref.id]);
    for (const key of ref.keys ?? []) tries.push(["key = ?", key]);
    if (ref.url) tries.push(["url = ?", ref.url]);
    if (ref.siteId) tries.push(["site_id = ?", ref.siteId]);
    for (const [where, value] of tries) {
      const rows = this.#sql(`SELECT * FROM articles WHERE ${where} LIMIT 2`).all(value) as ArticleRow[];
      if (rows.length === 1 && rows[0]) return toWatched(rows[0]);
    }
    return null;
  }

  listArticles(options: { limit?: number; tag?: string } = {}): WatchedArticle[] {
    const rows = this.#sql(
      `SELECT * FROM articles
         WHERE @tag IS NULL OR EXISTS (SELECT 1 FROM json_each(articles.tags) WHERE value = @tag)
         ORDER BY COALESCE(last_changed_at, first_seen_at) DESC, id DESC LIMIT @limit`,
    ).all({ tag: options.tag ?? null, limit: options.limit ?? -1 }) as ArticleRow[];
    return rows.map(toWatched);
  }

  countArticles(): number {
    return (this.#sql("SELECT count(*) AS n FROM articles").get() as { n: number }).n;
  }

  // --- revisions -----------------------------------------------------------

  latestRevision(articleId: number): Revision | null {
    const row = this.#sql("SELECT * FROM revisions WHERE article_id = ? ORDER BY seq DESC LIMIT 1").get(
      articleId,
    ) as RevisionRow | undefined;
    return row ? toRevision(row) : null;
  }

  getRevision(articleId: number, seq: number): Revision | null {
    const row = this.#sql("SELECT * FROM revisions WHERE article_id = ? AND seq = ?").get(articleId, seq) as
      | RevisionRow
      | undefined;
    return row ? toRevision(row) : null;
  }

  listRevisions(articleId: number): Revision[] {
    const rows = this.#sql("SELECT * FROM revisions WHERE article_id = ? ORDER BY seq").all(
      articleId,
    ) as RevisionRow[];
    return rows.map(toRevision);
  }

  /** The earliest revision with this hash, if the text was seen before. */
  findRevisionByHash(articleId: number, hash: string): Revision | null {
    const row = this.#sql(
      "SELECT * FROM revisions WHERE article_id = ? AND hash = ? ORDER BY seq LIMIT 1",
    ).get(articleId, hash) as RevisionRow | undefined;
    return row ? toRevision(row) : null;
  }

  /** Newest revisions across all articles (for revision feeds). */
  recentRevisions(limit: number): Revision[] {
    const rows = this.#sql("SELECT * FROM revisions ORDER BY observed_at DESC, id DESC LIMIT ?").all(
      limit,
    ) as RevisionRow[];
    return rows.map(toRevision);
  }

  /**
   * Records one check in one transaction: the new revision (unless the latest stored revision
   * already has this hash, so repeating a check never duplicates), an event, and the article's state.
   * Returns the stored revision, or null when none was added.
   */
  recordCheck(articleId: number, record: CheckRecord): AddedRevision | null {
    // Bookkeeping alone (most checks: a 304) is one UPDATE, atomic by itself: no transaction around it.
    if (!record.revision && !record.event) {
      this.#updateArticle(articleId, { ...record.article });
      return null;
    }
    return this.#recordCheck(articleId, record);
  }

  #recordCheckNow(articleId: number, record: CheckRecord): AddedRevision | null {
    let stored: AddedRevision | null = null;
    const update: ArticleUpdate = { ...record.article };
    if (record.revision) {
      const latest = this.#sql(
        "SELECT seq, hash FROM revisions WHERE article_id = ? ORDER BY seq DESC LIMIT 1",
      ).get(articleId) as { seq: number; hash: string } | undefined;
      if (latest?.hash !== record.revision.hash) {
        const r = record.revision;
        const seq = (latest?.seq ?? 0) + 1;
        const info = this.#sql(
          `INSERT INTO revisions (article_id, seq, observed_at, title, paragraphs, hash, developing, event,
               revert_of, labels, minor, words_added, words_removed, tags, http_status, etag, last_modified, final_url)
             VALUES (@articleId, @seq, @observedAt, @title, CAST(@paragraphs AS TEXT), @hash, @developing, @event,
               @revertOf, @labels, @minor, @wordsAdded, @wordsRemoved, @tags, @httpStatus, @etag, @lastModified, @finalUrl)`,
        ).run({
          ...r,
          articleId,
          seq,
          // Bytes are bound as a BLOB: the CAST stores them as the TEXT they are.
          paragraphs: r.paragraphs instanceof Uint8Array ? r.paragraphs : encodeParagraphs(r.paragraphs),
          developing: r.developing ? 1 : 0,
          labels: JSON.stringify(r.labels),
          minor: r.minor ? 1 : 0,
          tags: JSON.stringify(r.tags),
        });
        // What was written, without reading it back (a 10 KB row costs a query and a JSON.parse).
        stored = storedRevision(Number(info.lastInsertRowid), articleId, seq, r);
        this.#sql("UPDATE articles SET revision_count = revision_count + 1, tags = ? WHERE id = ?").run(
          JSON.stringify(r.tags.map((t) => t.tag)),
          articleId,
        );
      } else {
        delete update.lastChangedAt;
      }
    }
    if (record.event) {
      this.#sql("INSERT INTO events (article_id, at, kind, detail) VALUES (?, ?, ?, ?)").run(
        articleId,
        record.event.at,
        record.event.kind,
        record.event.detail ?? null,
      );
    }
    this.#updateArticle(articleId, update);
    return stored;
  }

  #updateArticle(articleId: number, update: ArticleUpdate): void {
    const keys = (Object.keys(update) as (keyof ArticleUpdate)[]).filter((k) => update[k] !== undefined);
    if (keys.length === 0) return;
    const sets = keys.map((k) => `${ARTICLE_COLUMNS[k]} = @${k}`).join(", ");
    this.#sql(`UPDATE articles SET ${sets} WHERE id = @articleId`).run({ ...update, articleId });
  }

  /** Recomputed tags (retag): the only change ever made to a stored revision. */
  setRevisionTags(revisionId: number, tags: TagResult[]): void {
    this.db.transaction(() => {
      this.#sql("UPDATE revisions SET tags = ? WHERE id = ?").run(JSON.stringify(tags), revisionId);
      this.#sql(
        `UPDATE articles SET tags = ? WHERE id = (SELECT article_id FROM revisions WHERE id = ?)
             AND (SELECT max(seq) FROM revisions r WHERE r.article_id = articles.id)
               = (SELECT seq FROM revisions WHERE id = ?)`,
      ).run(JSON.stringify(tags.map((t) => t.tag)), revisionId, revisionId);
    })();
  }

  // --- events and meta -----------------------------------------------------

  listEvents(articleId: number): ArticleEvent[] {
    const rows = this.#sql("SELECT * FROM events WHERE article_id = ? ORDER BY at, id").all(
      articleId,
    ) as EventRow[];
    return rows.map(toEvent);
  }

  getMeta(key: string): string | null {
    const row = this.#sql("SELECT value FROM meta WHERE key = ?").get(key) as { value: string } | undefined;
    return row?.value ?? null;
  }

  setMeta(key: string, value: string): void {
    this.#sql(
      "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    ).run(key, value);
  }
}

/** A revision just inserted: what toRevision would read back from its row, less the text. */
function storedRevision(id: number, articleId: number, seq: number, r: NewRevision): AddedRevision {
  return {
    id,
    articleId,
    seq,
    observedAt: r.observedAt,
    title: r.title,
    hash: r.hash,
    developing: r.developing,
    event: r.event,
    revertOf: r.revertOf,
    labels: [...r.labels],
    minor: r.minor,
    wordsAdded: r.wordsAdded,
    wordsRemoved: r.wordsRemoved,
    tags: structuredClone(r.tags),
  };
}
