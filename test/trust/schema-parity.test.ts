/**
 * The two schemas stay in step (issue 11, design risk "two schemas"): every synced table has the
 * same columns in the workstation's store and in the Trust register, apart from the server's own
 * (row_version, and those SERVER_ONLY_COLUMNS names). A migration on one side alone fails here.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../electron/store/migrate';
import { MIGRATIONS } from '../../electron/store/migrations/index';
import { ROW_VERSION, SERVER_ONLY_COLUMNS, SYNCED_TABLES } from '../../electron/trust/synced-tables';
import { postgresMissing } from '../support/postgres';
import { startTrustServer, type TrustServer } from '../support/trust-server';

describe.skipIf(postgresMissing)('SQLite and PostgreSQL schemas', () => {
  let server: TrustServer;
  let owner: pg.Client;
  beforeAll(async () => {
    server = await startTrustServer();
    owner = await server.client();
  }, 120_000);
  afterAll(async () => {
    await owner?.end();
    server?.stop();
  });

  it.each(SYNCED_TABLES)('%s has the same columns on both sides', async (table) => {
    const sqlite = new Database(':memory:');
    migrate(sqlite, MIGRATIONS);
    const local = (sqlite.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[])
      .map((c) => c.name)
      .sort();
    sqlite.close();
    const { rows } = await owner.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = 'gatehouse' AND table_name = $1`,
      [table],
    );
    const serverOnly = new Set([ROW_VERSION, ...(SERVER_ONLY_COLUMNS[table] ?? [])]);
    const remote = rows
      .map((r) => r.column_name)
      .filter((c) => !serverOnly.has(c))
      .sort();
    expect(local.length).toBeGreaterThan(0);
    expect(remote).toEqual(local);
    expect(rows.map((r) => r.column_name)).toContain(ROW_VERSION);
  });
});
