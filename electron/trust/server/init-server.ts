/**
 * `gatehouse server init`: create or migrate the Trust register's schema, run by the Trust's database
 * administrator with the owner's login. Each step in its own transaction with its version recorded;
 * one migrator at a time (an advisory lock); a server schema newer than this app is refused.
 */
import type pg from 'pg';
import { GatehouseError } from '../../store/errors';
import { SERVER_MIGRATIONS } from './migrations/index';
import type { ServerMigration } from './migrations/types';

const MIGRATION_LOCK = 7_110_000;

export interface InitResult {
  from: number;
  to: number;
  applied: string[];
}

export async function serverSchemaVersion(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ version: number | null }>(
    `SELECT CASE WHEN to_regclass('gatehouse.schema_version') IS NULL THEN 0
       ELSE (SELECT coalesce(max(version), 0) FROM gatehouse.schema_version) END AS version`,
  );
  return Number(rows[0]?.version ?? 0);
}

export function refuseNewerServer(version: number, known = SERVER_MIGRATIONS.length): void {
  if (version > known) {
    throw new GatehouseError(
      'STORE_TOO_NEW',
      `The Trust register was set up by a newer Gatehouse (server schema ${version}; this version knows ${known}). ` +
        'Install the newer version of Gatehouse. Nothing has been changed.',
    );
  }
}

export async function initServer(
  client: pg.Client,
  migrations: readonly ServerMigration[] = SERVER_MIGRATIONS,
): Promise<InitResult> {
  migrations.forEach((m, index) => {
    if (m.version !== index + 1) throw new Error(`Server migration ${m.name} is numbered ${m.version}`);
  });
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    await client.query(`
      CREATE SCHEMA IF NOT EXISTS gatehouse;
      CREATE TABLE IF NOT EXISTS gatehouse.schema_version (
        version     integer PRIMARY KEY,
        name        text NOT NULL,
        applied_at  timestamptz NOT NULL DEFAULT now(),
        applied_by  text NOT NULL DEFAULT session_user
      );`);
    const from = await serverSchemaVersion(client);
    refuseNewerServer(from, migrations.length);
    const applied: string[] = [];
    for (const migration of migrations.slice(from)) {
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO gatehouse.schema_version (version, name) VALUES ($1, $2)', [
          migration.version,
          migration.name,
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new GatehouseError(
          'INTERNAL',
          `Setting up the Trust register stopped at step ${migration.version} (${migration.name}): ${(error as Error).message}. ` +
            'Nothing of that step was kept; the login needs to own the database and be allowed to create roles (CREATEROLE).',
          { cause: error },
        );
      }
      applied.push(migration.name);
    }
    return { from, to: migrations.length, applied };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
  }
}
