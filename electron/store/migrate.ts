/**
 * Bring the schema up to date: each pending migration in its own transaction together with its
 * `PRAGMA user_version`, so a failure leaves the database at the last good version. A database
 * written by a newer Gatehouse is refused rather than risk damaging data this version cannot read.
 */
import type { Db } from './database';
import { GatehouseError } from './errors';
import type { Migration } from './migrations/types';

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrate(db: Db, migrations: readonly Migration[]): { from: number; to: number } {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migration ${migration.name} has version ${migration.version}; expected ${index + 1}`);
    }
  });
  const latest = migrations.length;
  const from = schemaVersion(db);
  if (from > latest) {
    throw new GatehouseError(
      'STORE_TOO_NEW',
      `This database was written by a newer version of Gatehouse (schema ${from}; this version knows ${latest}). ` +
        'Install the newer version to open it. Nothing has been changed.',
    );
  }
  for (const migration of migrations.slice(from)) {
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return { from, to: latest };
}
