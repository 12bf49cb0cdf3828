/**
 * A workstation killed mid-push (issue 11 §4), in a separate process: the CLI's push of a large
 * queued import is killed (SIGKILL) while its PostgreSQL transaction is open; PostgreSQL rolls it
 * back, and the next sync pushes it once: every person there once, the chains verify.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, initStore, runGatehouse } from '../support/run-cli';
import { postgresMissing } from '../support/postgres';
import { faketimeEnv } from '../support/test-clock';
import { tempDir } from '../support/temp-core';
import { createLogin, startTrustServer, type TrustServer } from '../support/trust-server';

const PEOPLE = 3_000;

describe.skipIf(postgresMissing)('a workstation killed mid-push', () => {
  let server: TrustServer;
  beforeAll(async () => {
    server = await startTrustServer();
    await createLogin(server, 'ada_cli', 'gatehouse_administrator', 'lantern orchard quietly 42');
  }, 120_000);
  afterAll(() => server?.stop());

  it('pushes the interrupted command once on the next sync', async () => {
    const dir = tempDir();
    const asAda = initStore(dir); // "Ada Admin", whom the register knows as ada_cli
    // Straight to the server: runGatehouse blocks this process, so an in-process proxy could not forward.
    const url = server.url('ada_cli', 'x').replace(/:x@/, '@');
    const connected = runGatehouse(['connect', '--postgres', url, '--ca', server.cluster.caFile, ...asAda]);
    expect(connected.code, connected.stderr).toBe(0);

    server.cluster.stopServer(); // offline while the import is made
    const file = join(dir, 'people.csv');
    const lines = Array.from({ length: PEOPLE }, (_, i) => `Imported Person ${i},permanent`);
    writeFileSync(file, `name,employment type\n${lines.join('\n')}\n`);
    const imported = runGatehouse(['people', 'import', '--file', file, ...asAda]);
    expect(imported.code, imported.stderr).toBe(0);
    server.cluster.startServer();

    const owner = await server.client();
    const watch = await server.cluster.superClient(); // pg_stat_activity shows others' transactions only to a superuser
    try {
      const sync = spawn(process.execPath, [CLI, 'sync', ...asAda], {
        env: { PATH: process.env.PATH, HOME: process.env.HOME, ...faketimeEnv() },
        stdio: 'ignore',
      });
      // Kill it once its push has written rows inside its still-open transaction.
      await expect
        .poll(
          async () =>
            (
              await watch.query(
                `SELECT count(*)::int AS n FROM pg_stat_activity WHERE usename = 'ada_cli' AND xact_start IS NOT NULL AND backend_xid IS NOT NULL`,
              )
            ).rows[0].n,
          { timeout: 30_000, interval: 5 },
        )
        .toBeGreaterThan(0);
      sync.kill('SIGKILL');
      await new Promise((resolve) => sync.once('exit', resolve));
      await expect
        .poll(
          async () =>
            (await owner.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE usename = 'ada_cli'`))
              .rows[0].n,
          {
            timeout: 30_000,
          },
        )
        .toBe(0);
      const during = await owner.query(
        `SELECT count(*)::int AS n FROM gatehouse.people WHERE name LIKE 'Imported Person %'`,
      );
      expect(during.rows[0].n).toBe(0); // rolled back with the killed connection

      const again = runGatehouse(['sync', '--json', ...asAda]);
      expect(again.code, again.stderr).toBe(0);
      expect(JSON.parse(again.stdout)).toMatchObject({ queued: 0, conflicts: 0 });
      const after = await owner.query(
        `SELECT count(*)::int AS n, count(DISTINCT name)::int AS names FROM gatehouse.people WHERE name LIKE 'Imported Person %'`,
      );
      expect(after.rows[0]).toEqual({ n: PEOPLE, names: PEOPLE });
      const verified = runGatehouse(['sync', 'verify', ...asAda]);
      expect(verified.code, verified.stdout + verified.stderr).toBe(0);
    } finally {
      await owner.end();
      await watch.end();
    }
  }, 180_000);
});
