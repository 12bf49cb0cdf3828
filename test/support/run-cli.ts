/** Runs the built `gatehouse` command as a shell would (test/support/build-once.ts builds it). */
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { faketimeEnv, TEST_NOW } from './test-clock';

export const ROOT = resolve(__dirname, '..', '..');
export const CLI = join(ROOT, 'dist', 'cli', 'gatehouse.cjs');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The CLI's clock starts at the test's now (TEST_NOW, or `at`) through faketime, as services'
 * clocks do through TestClock, so what it dates matches what the test expects on any real date.
 */
export function runGatehouse(
  args: string[],
  stdin = '',
  env: NodeJS.ProcessEnv = {},
  at: Date = TEST_NOW,
): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    input: stdin,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...faketimeEnv(at), ...env },
    timeout: 60_000,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/**
 * The same without blocking this process: needed when something in the test process itself must
 * keep answering meanwhile (the TCP proxy between a workstation and its Trust register).
 */
export function runGatehouseAsync(args: string[], at: Date = TEST_NOW): Promise<CliRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...faketimeEnv(at) },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 60_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}

/**
 * A new store in `dir` with administrator "Ada Admin", made with `gatehouse init`; returns the flags
 * that sign her in (`--as … --data-dir … --passphrase-file …`).
 */
export function initStore(dir: string): string[] {
  const store = join(dir, 'store');
  const pass = join(dir, 'admin.pass');
  writeFileSync(pass, 'lantern orchard quietly 42\n');
  const init = runGatehouse(['init', '--admin', 'Ada Admin', '--data-dir', store, '--passphrase-file', pass]);
  if (init.code !== 0) throw new Error(`gatehouse init failed: ${init.stderr}`);
  return ['--as', 'Ada Admin', '--data-dir', store, '--passphrase-file', pass];
}
