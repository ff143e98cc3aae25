import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Database } from "better-sqlite3";

/** The migrations ship next to this file (the build copies them to dist/store/migrations). */
const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const migrations = readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 4)), name: f, sql: readFileSync(path.join(dir, f), "utf8") }));
  // Two files with one number would silently skip the second: refuse to start instead.
  for (let i = 1; i < migrations.length; i++) {
    const [a, b] = [migrations[i - 1], migrations[i]];
    if (a && b && a.version === b.version)
      throw new Error(`store: migrations ${a.name} and ${b.name} share a number`);
  }
  return migrations;
}

/** Applies every migration newer than `PRAGMA user_version`, each in its own transaction. */
export function migrate(db: Database, migrations = readMigrations()): number {
  const current = db.pragma("user_version", { simple: true }) as number;
  let applied = 0;
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
    applied++;
  }
  return applied;
}
