import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { storePaths } from '../../../electron/store/paths';
import { ADMIN, activeAdminCore, must, newCore, tempDir } from '../../support/temp-core';

const hashOf = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('the encrypted store', () => {
  it('holds no plaintext in the database file or its WAL after writing known names', async () => {
    const dir = tempDir();
    const core = await activeAdminCore(dir);
    const names = ['Zebedee Quartermaine', 'Philippa Oyelaran-Smith', 'Marguerite Vanstone'];
    for (const name of names) {
      await must(core, 'operators:add', {
        name,
        role: 'ra-officer',
        passphrase: `${name.length} walks the long road home 7`,
      });
    }
    const paths = storePaths(dir);
    // The store is still open, so the recent pages are in the WAL: check both files as they are.
    expect(existsSync(`${paths.database}-wal`)).toBe(true);
    for (const file of [paths.database, `${paths.database}-wal`]) {
      const bytes = readFileSync(file);
      expect(bytes.length).toBeGreaterThan(0);
      for (const needle of [...names, ADMIN.name, 'operator.added', 'CREATE TABLE']) {
        expect(bytes.includes(Buffer.from(needle, 'utf8')), `${needle} in ${file}`).toBe(false);
      }
      expect(bytes.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    }
    core.close();
  });

  it('cannot be opened as plain SQLite', async () => {
    const dir = tempDir();
    (await activeAdminCore(dir)).close();
    const db = new Database(storePaths(dir).database, { fileMustExist: true });
    expect(() => db.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database/);
    db.close();
  });

  it('refuses a wrong passphrase with a clear message and leaves every file as it was', async () => {
    const dir = tempDir();
    (await activeAdminCore(dir)).close();
    const paths = storePaths(dir);
    const before = [hashOf(paths.database), hashOf(paths.keySlots)];
    const core = newCore(dir);
    const result = await core.call('session:signIn', {
      name: ADMIN.name,
      passphrase: 'not the right one at all',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'PASSPHRASE_NOT_RECOGNISED' } });
    expect(!result.ok && result.error.message).toMatch(/^Passphrase not recognised/);
    expect([hashOf(paths.database), hashOf(paths.keySlots)]).toEqual(before);
    expect(core.session.store).toBeNull();
  });

  it('answers an unknown name exactly as it answers a wrong passphrase', async () => {
    const dir = tempDir();
    (await activeAdminCore(dir)).close();
    const result = await newCore(dir).call('session:signIn', {
      name: 'Nobody Known',
      passphrase: 'whatever it may be',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'PASSPHRASE_NOT_RECOGNISED' } });
  });

  it('refuses a foreign file in place of the database and never overwrites it', async () => {
    const dir = tempDir();
    (await activeAdminCore(dir)).close();
    const paths = storePaths(dir);
    const plain = new Database(join(dir, 'other.db'));
    plain.exec("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('someone else''s data')");
    plain.close();
    writeFileSync(paths.database, readFileSync(join(dir, 'other.db')));
    const before = hashOf(paths.database);
    const result = await newCore(dir).call('session:signIn', ADMIN);
    expect(result).toMatchObject({ ok: false, error: { code: 'STORE_UNREADABLE' } });
    expect(!result.ok && result.error.message).toMatch(/not a Gatehouse database.*has not been changed/);
    expect(hashOf(paths.database)).toBe(before);
  });

  it('refuses a damaged database with a clear message and leaves it as it was', async () => {
    const dir = tempDir();
    (await activeAdminCore(dir)).close();
    const paths = storePaths(dir);
    const bytes = readFileSync(paths.database);
    bytes.fill(0x5a, 0, 64); // overwrite the salt and the start of the first page
    writeFileSync(paths.database, bytes);
    const before = hashOf(paths.database);
    const result = await newCore(dir).call('session:signIn', ADMIN);
    expect(result).toMatchObject({ ok: false, error: { code: 'STORE_UNREADABLE' } });
    expect(hashOf(paths.database)).toBe(before);
  });

  it('refuses a damaged key slot file without touching it', async () => {
    const dir = tempDir();
    (await activeAdminCore(dir)).close();
    const paths = storePaths(dir);
    writeFileSync(paths.keySlots, '{"format": "something else"}');
    const result = await newCore(dir).call('session:signIn', ADMIN);
    expect(result).toMatchObject({ ok: false, error: { code: 'STORE_UNREADABLE' } });
    expect(readFileSync(paths.keySlots, 'utf8')).toBe('{"format": "something else"}');
  });

  it('never creates a store over an existing one', async () => {
    const dir = tempDir();
    (await activeAdminCore(dir)).close();
    const before = hashOf(storePaths(dir).database);
    const result = await newCore(dir).call('session:createFirstAdministrator', {
      name: 'Intruder Person',
      passphrase: 'a perfectly fine passphrase',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'STORE_EXISTS' } });
    expect(hashOf(storePaths(dir).database)).toBe(before);
  });

  it('opens with WAL journalling and foreign keys on', async () => {
    const core = await activeAdminCore();
    const db = core.session.store!.db;
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    core.close();
  });
});
