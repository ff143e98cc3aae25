import type { Database } from "better-sqlite3";

/**
 * Group commit for checks: their writes (a new revision, an event, the article's bookkeeping) share one
 * transaction, committed after `maxChecks` checks, `maxMs` after the first, and at the end of the cycle,
 * before anything is published. Each check is still atomic (its writes are a savepoint inside the batch).
 * A crash can lose only the last `maxMs` of checks, and a lost check leaves no trace, not even the ETag
 * that would make the next request conditional: the next cycle makes it again and finds the same text.
 * A commit per check cost more than the request itself (a 304) or a third of a new page's whole cost.
 */
export class CheckBatch {
  readonly #db: Database;
  readonly #maxChecks: number;
  readonly #maxMs: number;
  #open = false;
  #count = 0;
  #timer: NodeJS.Timeout | null = null;
  #onError: (err: Error) => void;
  #afterCommit: (() => void)[] = [];

  constructor(
    db: Database,
    onError: (err: Error) => void,
    options: { maxChecks?: number; maxMs?: number } = {},
  ) {
    this.#db = db;
    this.#onError = onError;
    this.#maxChecks = options.maxChecks ?? 256;
    this.#maxMs = options.maxMs ?? 100;
  }

  /**
   * Runs one check's writes inside the open batch; `committed`, once the batch is committed with them
   * (never if it is rolled back).
   */
  add<T>(write: () => T, committed?: (result: T) => void): T {
    if (!this.#open && !this.#db.inTransaction) {
      // IMMEDIATE: take the write lock before reading. A deferred batch that read first would fail with
      // SQLITE_BUSY (stale snapshot) when another writer, such as the process a pm2 reload replaces,
      // committed in between; waiting for the lock (busy_timeout) is the right outcome.
      this.#db.exec("BEGIN IMMEDIATE");
      this.#open = true;
      this.#timer = setTimeout(() => this.flush(), this.#maxMs);
      this.#timer.unref();
    }
    let result: T;
    try {
      result = write();
    } catch (err) {
      // Some errors (a full disk, an I/O error) make SQLite roll back the whole transaction, not just this
      // check's savepoint: the checks before it in the batch are gone too.
      if (this.#open && !this.#db.inTransaction) this.#lost();
      throw err;
    }
    if (committed) this.#afterCommit.push(() => committed(result));
    if (this.#open && ++this.#count >= this.#maxChecks) this.flush();
    return result;
  }

  #lost(): void {
    const lost = this.#count;
    this.#reset();
    if (lost > 0) {
      this.#onError(new Error(`the database rolled back the last ${lost} checks; they are made again`));
    }
  }

  #reset(): void {
    this.#afterCommit = [];
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#open = false;
    this.#count = 0;
  }

  /** Commits what is pending; a failed commit rolls back (those checks are made again next cycle). */
  flush(): void {
    if (!this.#open) return;
    if (!this.#db.inTransaction) return this.#lost();
    const committed = this.#afterCommit;
    this.#reset();
    try {
      this.#db.exec("COMMIT");
    } catch (err) {
      if (this.#db.inTransaction) this.#db.exec("ROLLBACK");
      this.#onError(err as Error);
      return;
    }
    for (const then of committed) then();
  }
}
