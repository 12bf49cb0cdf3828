/** Runs the built `gatehouse` command as a shell would, building it first if needed. */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');
export const CLI = join(ROOT, 'dist', 'cli', 'gatehouse.cjs');

export function ensureBuilt(): void {
  if (!existsSync(CLI) || !existsSync(join(ROOT, 'dist', 'renderer', 'index.html'))) {
    execFileSync(process.execPath, [join(ROOT, 'build', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  }
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runGatehouse(args: string[], stdin = '', env: NodeJS.ProcessEnv = {}): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    input: stdin,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    timeout: 60_000,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
