/**
 * Issue 10 §6: the INTERNAL message sends people to "the application log", so there is one: in the
 * data folder, rotated by size, with the channel and stack of an unexpected failure and never the
 * input's personal data or a passphrase.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fileLogger, logPath, withoutValues } from '../../electron/app-log';
import { createCore } from '../../electron/core';
import { ADMIN, FAST_KDF, must, tempDir, TestClock } from '../support/temp-core';

afterEach(() => vi.restoreAllMocks());

describe('the application log (issue 10 §6)', () => {
  it('records an INTERNAL failure with its channel and stack, without the personal data it was given', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const dataDir = tempDir();
    // No `log` option: the host default, as the desktop app, browser host and CLI get it.
    const core = createCore({ dataDir, host: 'test', clock: new TestClock(), kdf: FAST_KDF });
    await must(core, 'session:createFirstAdministrator', ADMIN);
    await must(core, 'session:acknowledgeAcceptableUse', { version: '2025-03' });
    // A fault no service expects: the people table is gone.
    core.session.store!.db.exec('ALTER TABLE people RENAME TO people_elsewhere');
    const result = await core.call('people:create', {
      name: 'Zebedee Quartermaine',
      employmentType: 'permanent',
      email: 'zebedee.quartermaine@nhs.net',
      employeeNumber: '90817263',
    });
    core.close();
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(result.ok ? '' : result.error.message).toMatch(/application log/);

    const log = readFileSync(logPath(dataDir), 'utf8');
    const entry = JSON.parse(log.trim().split('\n').at(-1)!);
    expect(entry).toMatchObject({ level: 50, channel: 'people:create', host: 'test' });
    expect(entry.err.stack).toMatch(/no such table: people/);
    expect(entry.err.stack).toMatch(/\n\s+at /);
    for (const secret of ['Zebedee', 'Quartermaine', 'zebedee.quartermaine', '90817263', ADMIN.passphrase])
      expect(log).not.toContain(secret);
    expect(statSync(logPath(dataDir)).mode & 0o077).toBe(0);
  });

  it('replaces values an error message quotes', () => {
    expect(
      withoutValues(
        `Invalid enum value. Expected 'a' | 'b', received 'Zebedee' for bob@nhs.net, 943 476 5919`,
      ),
    ).toBe('Invalid enum value. Expected [quoted] | [quoted], received [quoted] for [email], [number]');
  });

  it('rotates by size, keeping the current file and three older ones', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const dataDir = tempDir();
    const log = fileLogger(dataDir, 'test', 16 * 1024);
    const big = new Error('x'.repeat(100_000)); // also: a long message is cut, and quickly
    const started = performance.now();
    for (let i = 0; i < 100; i += 1) log('Unexpected failure in bench:fill', big, { channel: 'bench:fill' });
    expect(performance.now() - started).toBeLessThan(10_000);
    const files = readdirSync(join(dataDir, 'logs')).sort();
    expect(files).toEqual(['gatehouse.log', 'gatehouse.log.1', 'gatehouse.log.2', 'gatehouse.log.3']);
    for (const file of files)
      expect(statSync(join(dataDir, 'logs', file)).size).toBeLessThanOrEqual(16 * 1024);
    expect(existsSync(join(dataDir, 'logs', 'gatehouse.log.4'))).toBe(false);
  });
});
