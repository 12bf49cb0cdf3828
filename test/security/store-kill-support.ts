/**
 * Shared by the kill replays: a template data folder, a CLI run under strace that kills the
 * process at its Nth rename, and a look at what a fresh start finds in a data folder.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Operator } from '../../shared/model';
import { CLI } from '../support/run-cli';
import { faketimeEnv, TEST_NOW, TestClock } from '../support/test-clock';
import { ADMIN, must, signedInCore, tempDir } from '../support/temp-core';

export const RAE = { name: 'Rae Officer', passphrase: 'copper kettle on the hob 7' };

/** Run the built CLI with strace killing it (SIGKILL) at its `when`th rename; null: no kill. */
export function runKilledAtRename(args: string[], when: number | null, stdin = '') {
  const inject = when === null ? [] : ['-e', `inject=rename:signal=SIGKILL:when=${when}`];
  const result = spawnSync(
    'strace',
    ['-f', '-qq', ...inject, '-o', '/dev/null', process.execPath, CLI, ...args],
    {
      input: stdin,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...faketimeEnv() },
      timeout: 60_000,
    },
  );
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/** Run the built CLI and SIGKILL it after `afterMs` (or let it finish first). */
export async function runKilledAfter(args: string[], afterMs: number): Promise<{ killed: boolean }> {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...faketimeEnv() },
    stdio: 'ignore',
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const timer = setTimeout(() => child.kill('SIGKILL'), afterMs);
  await exited;
  clearTimeout(timer);
  return { killed: child.signalCode === 'SIGKILL' };
}

export function copyOf(template: string): string {
  const dir = join(tempDir(), 'store');
  cpSync(template, dir, { recursive: true });
  return dir;
}

/**
 * What a fresh start (createCore, which completes or tidies) finds: operators and restore events.
 * The start comes an hour after the killed run, as a restart would: a sign-in the kill cut short was
 * counted by the back-off (it counts before it checks), and its wait has long passed by then.
 */
export async function startAndLook(dataDir: string) {
  const core = await signedInCore(dataDir, ADMIN, new TestClock(new Date(TEST_NOW.getTime() + 3_600_000)));
  try {
    const operators = await must<Operator[]>(core, 'operators:list');
    const restored = await must<{ total: number }>(core, 'audit:list', { action: 'store.restored' });
    const chain = await must<{ valid: boolean }>(core, 'audit:verify');
    return { names: operators.map((o) => o.name), restoredEvents: restored.total, chainValid: chain.valid };
  } finally {
    core.close();
  }
}

/** Files in the data folder that are not part of a store at rest. */
export function leftovers(dataDir: string): string[] {
  const atRest =
    /^(gatehouse\.db(-wal|-shm)?|keyslots\.json|sign-in-attempts\.json|last-backup\.json|replaced-[0-9TZ-]+)$/;
  return readdirSync(dataDir).filter((entry) => !atRest.test(entry));
}
