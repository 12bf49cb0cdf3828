/**
 * A fresh data folder and core per test. Key derivation uses scrypt at a low cost here only to keep
 * unit tests quick; the production default (OWASP) is asserted separately and used end to end.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { Clock } from '../../electron/clock';
import { type Core, type CoreOptions, createCore } from '../../electron/core';
import type { ScryptParams } from '../../electron/store/kdf';
import { TestClock } from './test-clock';

export const FAST_KDF: ScryptParams = { name: 'scrypt', N: 2 ** 12, r: 8, p: 1 };
export const ADMIN = { name: 'Ada Administrator', passphrase: 'lantern orchard quietly 42' };

const folders: string[] = [];
afterEach(() => {
  while (folders.length > 0) rmSync(folders.pop()!, { recursive: true, force: true });
});

export function tempDir(prefix = 'gatehouse-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  folders.push(dir);
  return dir;
}

export { TestClock };

export function newCore(
  dataDir = tempDir(),
  clock: Clock = new TestClock(),
  smartcard: CoreOptions['smartcard'] = null,
): Core {
  return createCore({ dataDir, host: 'test', clock, kdf: FAST_KDF, log: () => undefined, smartcard });
}

/** Calls a channel and returns its value, failing the test with the error message otherwise. */
export async function must<T = unknown>(core: Core, channel: string, input: unknown = {}): Promise<T> {
  const result = await core.call(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

/** A store with its first administrator, signed in and past the acceptable use statement. */
export async function activeAdminCore(
  dataDir = tempDir(),
  clock: Clock = new TestClock(),
  smartcard: CoreOptions['smartcard'] = null,
): Promise<Core> {
  const core = newCore(dataDir, clock, smartcard);
  await must(core, 'session:createFirstAdministrator', ADMIN);
  await must(core, 'session:acknowledgeAcceptableUse', { version: '2025-03' });
  return core;
}

/** Sign an existing operator in and acknowledge the acceptable use statement. */
export async function signedInCore(
  dataDir: string,
  who: { name: string; passphrase: string },
  clock: Clock = new TestClock(),
): Promise<Core> {
  const core = newCore(dataDir, clock);
  await must(core, 'session:signIn', who);
  await must(core, 'session:acknowledgeAcceptableUse', { version: '2025-03' });
  return core;
}
