import type { Database, Statement } from "better-sqlite3";

/** Statements compiled once per connection, for the read helpers outside Store that run per article. */
const statements = new WeakMap<Database, Map<string, Statement>>();

export function cachedStatement(db: Database, text: string): Statement {
  let byText = statements.get(db);
  if (!byText) {
    byText = new Map();
    statements.set(db, byText);
  }
  let stmt = byText.get(text);
  if (!stmt) {
    stmt = db.prepare(text);
    byText.set(text, stmt);
  }
  return stmt;
}
