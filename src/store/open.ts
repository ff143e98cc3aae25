import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { migrate } from "./migrate.js";

export const DATABASE_FILE = "revfeed.sqlite";

export interface OpenOptions {
  /** Read-only connection (the web server): no migrations, no writes. */
  readonly?: boolean;
}

/**
 * Opens (and for writers, creates and migrates) the database in `stateDir`.
 * WAL lets the server read while the worker writes; synchronous=NORMAL is safe against a killed
 * process (only a power loss can drop the last transactions), which keeps each check's commit cheap.
 */
export function openDatabase(stateDir: string, options: OpenOptions = {}): Database.Database {
  const file = path.join(stateDir, DATABASE_FILE);
  if (options.readonly) {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    db.pragma("busy_timeout = 5000");
    return db;
  }
  mkdirSync(stateDir, { recursive: true });
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("busy_timeout = 5000");
  db.pragma("foreign_keys = ON");
  migrate(db);
  return db;
}
