/**
 * Each test gets a fresh data folder and its own `gatehouse web` process, and opens the one-time
 * address the process prints. Nothing waits on a timer: the fixture waits for that line.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base } from '@playwright/test';
import { faketimeEnv, TEST_NOW } from '../../support/test-clock';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const CLI = join(ROOT, 'dist', 'cli', 'gatehouse.cjs');

export interface GatehouseServer {
  url: string;
  dataDir: string;
}

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolveUrl, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output);
      if (match?.[1]) {
        child.stdout?.off('data', onData);
        resolveUrl(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`gatehouse web exited with ${code}: ${output}`)));
  });
}

export interface RunningGatehouse extends GatehouseServer {
  stop(): Promise<void>;
}

/**
 * A `gatehouse web` process on a fresh data folder, its clock starting at the tests' now; `env`
 * adds settings (e.g. the Trust register's poll). A test that needs two hosts starts two.
 */
export async function startGatehouseWeb(env: NodeJS.ProcessEnv = {}): Promise<RunningGatehouse> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gatehouse-e2e-'));
  const child = spawn(process.execPath, [CLI, 'web', '--port', '0', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env, ...faketimeEnv(TEST_NOW) },
  });
  // Read and drop what it writes to stderr, so a full pipe never stalls the host.
  child.stderr?.resume();
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    return { url: await waitForUrl(child), dataDir, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

export const test = base.extend<{ gatehouse: GatehouseServer }>({
  // The page's Date starts at the tests' now and ticks on (timers run as normal), so the renderer's
  // "today" (default month, dates it fills in) agrees with the host's.
  page: async ({ page }, use) => {
    await page.clock.setSystemTime(TEST_NOW);
    await use(page);
  },
  gatehouse: async ({}, use) => {
    // The host's clock starts at the tests' now; the page's clock is set to the same (see above).
    const host = await startGatehouseWeb();
    try {
      await use({ url: host.url, dataDir: host.dataDir });
    } finally {
      await host.stop();
    }
  },
});

export { expect } from '@playwright/test';
