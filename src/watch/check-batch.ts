import type { Database } from "better-sqlite3";

/**
 * Group commit for the bookkeeping of checks that found nothing new (a 304, an unchanged page, a failed
 * fetch): their article-row updates (last checked, next check, validators, failure count) share one
 * transaction, committed after `maxChecks` of them, `maxMs` after the first, before any check that stores
 * text or an event, and at the end of the cycle. Each check is still atomic (its writes are a savepoint
 * inside the batch). What a crash can lose is only this bookkeeping, never a revision or an event: those
 * checks are simply made again. A commit per 304 cost more than the request itself.
 */
export class CheckBatch {
  readonly #db: Database;
  readonly #maxChecks: number;
  readonly #maxMs: number;
  #open = false;
  #count = 0;
  #timer: NodeJS.Timeout | null = null;
  #onError: (err: Error) => void;

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

  /** Runs a bookkeeping-only write inside the open batch. */
  add<T>(write: () => T): T {
    if (!this.#open && !this.#db.inTransaction) {
      this.#db.exec("BEGIN");
      this.#open = true;
      this.#timer = setTimeout(() => this.flush(), this.#maxMs);
      this.#timer.unref();
    }
    const result = write();
    if (this.#open && ++this.#count >= this.#maxChecks) this.flush();
    return result;
  }

  /** Commits what is pending; a failed commit rolls back (those checks are made again next cycle). */
  flush(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    if (!this.#open) return;
    this.#open = false;
    this.#count = 0;
    try {
      this.#db.exec("COMMIT");
    } catch (err) {
      if (this.#db.inTransaction) this.#db.exec("ROLLBACK");
      this.#onError(err as Error);
    }
  }
}
