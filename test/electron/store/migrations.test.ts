import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEncryptedDatabase } from '../../../electron/store/database';
import { migrate, schemaVersion } from '../../../electron/store/migrate';
import { MIGRATIONS } from '../../../electron/store/migrations';
import { storePaths } from '../../../electron/store/paths';
import { ADMIN, activeAdminCore, newCore, tempDir } from '../../support/temp-core';

describe('migrations', () => {
  it('bring a new database to the latest version, recorded in PRAGMA user_version', () => {
    const db = createEncryptedDatabase(join(tempDir(), 'm.db'), randomBytes(32));
    expect(migrate(db, MIGRATIONS)).toEqual({ from: 0, to: MIGRATIONS.length });
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(migrate(db, MIGRATIONS)).toEqual({ from: MIGRATIONS.length, to: MIGRATIONS.length });
    db.close();
  });

  it('apply each migration in one transaction: a failing one leaves the last good version', () => {
    const db = createEncryptedDatabase(join(tempDir(), 'm.db'), randomBytes(32));
    const broken = [
      ...MIGRATIONS,
      {
        version: MIGRATIONS.length + 1,
        name: 'half-done',
        up(d: typeof db) {
          d.exec('CREATE TABLE half_done (x TEXT)');
          throw new Error('disk full, say');
        },
      },
    ];
    expect(() => migrate(db, broken)).toThrow(/disk full/);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half_done'").get()).toEqual({
      n: 0,
    });
    db.close();
  });

  it('refuse a database written by a newer Gatehouse, and leave it untouched', async () => {
    const dir = tempDir();
    const core = await activeAdminCore(dir);
    core.session.store!.db.pragma(`user_version = ${MIGRATIONS.length + 5}`);
    core.close();
    const file = storePaths(dir).database;
    const before = createHash('sha256').update(readFileSync(file)).digest('hex');
    const result = await newCore(dir).call('session:signIn', ADMIN);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'STORE_TOO_NEW', message: expect.stringMatching(/newer version of Gatehouse/) },
    });
    expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(before);
  });
});
