import type { Database } from "better-sqlite3";
import { latestRevisionHeads, type RevisionHead } from "../store/check-queries.js";
import { articlesByIds } from "../store/due-queries.js";
import type { WatchedArticle } from "../store/store.js";

/**
 * The articles one cycle checks, in the order the due list gives (oldest due first). The list itself is
 * only ids, read once at the start; the articles and their latest revision heads are read a page at a
 * time as checks take them. A cycle over 10,000 watched articles used to hold every one of them, and every
 * head, for its whole length, when only the 16 checks in flight need theirs: with the whole list held, the
 * bench's 10,000-article unchanged cycle peaked at 75 MB of main heap; a page at a time, at 44–45 MB.
 */
export class DueQueue {
  /** Latest revision head of each article taken and not yet done (checkArticle reads it from here). */
  readonly heads = new Map<number, RevisionHead>();
  readonly #db: Database;
  readonly #ids: readonly number[];
  readonly #pageSize: number;
  #read = 0;
  #page: WatchedArticle[] = [];
  #at = 0;

  constructor(db: Database, ids: readonly number[], pageSize = 256) {
    this.#db = db;
    this.#ids = ids;
    this.#pageSize = pageSize;
  }

  get size(): number {
    return this.#ids.length;
  }

  /** The next article, or undefined when every id has been taken (ids gone from the store are skipped). */
  take(): WatchedArticle | undefined {
    while (this.#at >= this.#page.length) {
      if (this.#read >= this.#ids.length) return undefined;
      const ids = this.#ids.slice(this.#read, this.#read + this.#pageSize);
      this.#read += ids.length;
      this.#page = articlesByIds(this.#db, ids);
      this.#at = 0;
      for (const [id, head] of latestRevisionHeads(this.#db, ids)) this.heads.set(id, head);
    }
    return this.#page[this.#at++];
  }

  /** The check of this article is over: its head is no longer needed. */
  done(articleId: number): void {
    this.heads.delete(articleId);
  }
}
