/**
 * Issue 10 §3 (damage found before anything writes to it): a flipped bit, an empty file or a cut-short
 * file is refused at sign-in with what to do (naming the latest backup), and the file is left exactly
 * as it was: no write-ahead log, no migration, no sign-in record. `integrity` reports it as its own
 * failure.
 */
import { existsSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initStore, runGatehouse } from '../support/run-cli';
import { tempDir } from '../support/temp-core';

function storeWithBackup() {
  const dir = tempDir();
  const as = initStore(dir);
  const store = join(dir, 'store');
  const backupFile = join(dir, 'nightly.gatehouse-backup');
  expect(runGatehouse(['backup', '--to', backupFile, ...as]).code).toBe(0);
  return { as, database: join(store, 'gatehouse.db'), backupFile };
}

function expectUntouched(database: string, before: Buffer): void {
  expect(readFileSync(database).equals(before)).toBe(true);
  const wal = `${database}-wal`;
  expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);
}

describe('a damaged store is refused before anything writes to it (issue 10 §3)', () => {
  it('finds one flipped bit at sign-in, names the latest backup, and writes nothing', () => {
    const { as, database, backupFile } = storeWithBackup();
    const bytes = readFileSync(database);
    const at = 4096 + 200; // inside page 2, a table's root page
    bytes.writeUInt8(bytes.readUInt8(at) ^ 0x01, at);
    writeFileSync(database, bytes);

    const verify = runGatehouse(['audit', 'verify', ...as]);
    expect(verify.code).toBe(1);
    expect(verify.stderr).toMatch(/is damaged/);
    expect(verify.stderr).toContain(`Restore the latest backup, ${backupFile}`);
    expect(verify.stderr).not.toMatch(/SqliteError|\n\s+at /);
    expectUntouched(database, bytes);

    const integrity = runGatehouse(['integrity', ...as]);
    expect(integrity).toMatchObject({
      code: 1,
      stdout: expect.stringMatching(/^Integrity check FAILED:\n- .*damaged/),
    });
    expectUntouched(database, bytes);
  });

  it('refuses an empty database file without growing it', () => {
    const { as, database } = storeWithBackup();
    truncateSync(database, 0);
    const run = runGatehouse(['audit', 'verify', ...as]);
    expect(run).toMatchObject({ code: 1, stderr: expect.stringMatching(/damaged \(the file is empty\)/) });
    expect(statSync(database).size).toBe(0);
    expectUntouched(database, Buffer.alloc(0));
  });

  it('refuses a database cut short, mid-page or at a page boundary', () => {
    for (const cut of [1000, 4096]) {
      const { as, database } = storeWithBackup();
      truncateSync(database, statSync(database).size - cut);
      const before = readFileSync(database);
      const run = runGatehouse(['audit', 'verify', ...as]);
      expect(run.code, `cut ${cut}: ${run.stderr}`).toBe(1);
      expect(run.stderr).toMatch(/is damaged/);
      expectUntouched(database, before);
    }
  }, 120_000);
});
