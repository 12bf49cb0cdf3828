/** Vitest global setup: build dist/ once per run, so CLI and browser-host tests never run stale code. */
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';

export default function setup(): void {
  const root = resolve(__dirname, '..', '..');
  execFileSync(process.execPath, [join(root, 'build', 'build.mjs')], { cwd: root, stdio: 'inherit' });
}
