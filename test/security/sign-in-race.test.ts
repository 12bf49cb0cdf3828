/**
 * Issue 10 §4: the sign-in back-off cannot be raced (concurrent attempts in one host or across
 * processes) or flushed (failures on many other names), and its file does not give names away.
 */
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { storePaths } from '../../electron/store/paths';
import { FREE_ATTEMPTS, SignInThrottle } from '../../electron/store/sign-in-throttle';
import { startWebHost } from '../../electron/hosts/web-host';
import { CLI, initStore, ROOT } from '../support/run-cli';
import { ADMIN, activeAdminCore, newCore, tempDir, TestClock } from '../support/temp-core';
import { faketimeEnv, TEST_NOW } from '../support/test-clock';

const WRONG = { name: ADMIN.name, passphrase: 'definitely the wrong words' };

function runAsync(args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...faketimeEnv(TEST_NOW) },
      stdio: ['ignore', 'ignore', 'ignore'],
    });
    child.on('exit', (code) => resolve(code ?? -1));
  });
}

function post(port: number, path: string, cookie: string, body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: { Host: `127.0.0.1:${port}`, Cookie: cookie },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve(text));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('the sign-in back-off under attack (issue 10 §4)', () => {
  it('checks only the first few of 20 concurrent wrong sign-ins through the browser host', async () => {
    const dir = tempDir();
    (await activeAdminCore(dir)).close();
    const core = newCore(dir);
    const host = await startWebHost(core, { port: 0, staticDir: join(ROOT, 'dist', 'renderer') });
    try {
      const token = new URL(host.url).searchParams.get('token')!;
      const login = await new Promise<string>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port: host.port,
            path: `/?token=${token}`,
            headers: { Host: `127.0.0.1:${host.port}` },
          },
          (res) => {
            res.resume();
            resolve(String(res.headers['set-cookie']).split(';')[0]!);
          },
        );
        req.on('error', reject);
        req.end();
      });
      const replies = await Promise.all(
        Array.from({ length: 20 }, () =>
          post(host.port, '/api/session:signIn', login, JSON.stringify(WRONG)),
        ),
      );
      const codes = replies.map((text) => (JSON.parse(text) as { error: { code: string } }).error.code);
      expect(codes.filter((c) => c === 'PASSPHRASE_NOT_RECOGNISED')).toHaveLength(FREE_ATTEMPTS);
      expect(codes.filter((c) => c === 'THROTTLED')).toHaveLength(20 - FREE_ATTEMPTS);
      expect(core.deps.throttle.attempts(ADMIN.name)).toEqual({
        failures: FREE_ATTEMPTS,
        refused: 20 - FREE_ATTEMPTS,
      });
    } finally {
      await host.close();
      core.close();
    }
  });

  it('checks only the first few of 20 concurrent wrong sign-ins and counts them all', async () => {
    const dir = tempDir();
    (await activeAdminCore(dir)).close();
    const clock = new TestClock();
    const core = newCore(dir, clock);
    const results = await Promise.all(Array.from({ length: 20 }, () => core.call('session:signIn', WRONG)));
    const codes = results.map((r) => (r.ok ? 'ok' : r.error.code));
    expect(codes.filter((c) => c === 'PASSPHRASE_NOT_RECOGNISED')).toHaveLength(FREE_ATTEMPTS);
    expect(codes.filter((c) => c === 'THROTTLED')).toHaveLength(20 - FREE_ATTEMPTS);
    expect(core.deps.throttle.attempts(ADMIN.name)).toEqual({
      failures: FREE_ATTEMPTS,
      refused: 20 - FREE_ATTEMPTS,
    });
    // Even the right passphrase now waits.
    expect(await core.call('session:signIn', ADMIN)).toMatchObject({
      ok: false,
      error: { code: 'THROTTLED' },
    });
    core.close();
  });

  it('records every one of 10 parallel command-line attempts', async () => {
    const dir = tempDir();
    const flags = initStore(dir);
    const wrong = join(dir, 'wrong.pass');
    writeFileSync(wrong, 'definitely the wrong words\n');
    const args = ['audit', 'verify', ...flags.slice(0, 4), '--passphrase-file', wrong];
    const codes = await Promise.all(Array.from({ length: 10 }, () => runAsync(args)));
    expect(codes.every((code) => code === 2)).toBe(true);
    const throttle = new SignInThrottle(storePaths(join(dir, 'store')).signInAttempts, new TestClock());
    const { failures, refused } = throttle.attempts('Ada Admin');
    // None lost (without the lock, 10 processes recorded 7), and most refused unchecked. More than
    // FREE_ATTEMPTS may be checked when a loaded machine spreads the processes past the first wait.
    expect(failures + refused).toBe(10);
    expect(failures).toBeGreaterThanOrEqual(FREE_ATTEMPTS);
    expect(refused).toBeGreaterThan(0);
  }, 120_000);

  it('keeps the target waiting after 500 failures on other names', async () => {
    const dir = tempDir();
    (await activeAdminCore(dir)).close();
    const clock = new TestClock();
    const core = newCore(dir, clock);
    for (let i = 0; i < FREE_ATTEMPTS; i += 1) await core.call('session:signIn', WRONG);
    expect(core.deps.throttle.waitSeconds(ADMIN.name)).toBeGreaterThan(0);
    // Through sign-in, the Trust-wide ceiling soon refuses the other names unchecked: the target's
    // record stays.
    for (let i = 0; i < 500; i += 1)
      await core.call('session:signIn', { ...WRONG, name: `Someone Else ${i}` });
    expect(core.deps.throttle.attempts(ADMIN.name).failures).toBe(FREE_ATTEMPTS);
    // Counted failures on 500 other names evict the target's own record; the ceiling still holds.
    for (let i = 0; i < 500; i += 1) core.deps.throttle.recordFailure(`Another ${i}`);
    expect(core.deps.throttle.attempts(ADMIN.name).failures).toBe(0);
    expect(core.deps.throttle.waitSeconds(ADMIN.name)).toBeGreaterThan(0);
    expect(await core.call('session:signIn', ADMIN)).toMatchObject({
      ok: false,
      error: { code: 'THROTTLED' },
    });
    core.close();
  });

  it('keys its record by a keyed hash, not the name or its plain SHA-256', async () => {
    const dir = tempDir();
    (await activeAdminCore(dir)).close();
    await newCore(dir).call('session:signIn', WRONG);
    const text = readFileSync(storePaths(dir).signInAttempts, 'utf8');
    const plain = createHash('sha256').update(ADMIN.name.toLowerCase(), 'utf8').digest('hex');
    expect(text).not.toContain(plain);
    expect(text.toLowerCase()).not.toContain(ADMIN.name.toLowerCase());
    expect(Object.keys(JSON.parse(text).entries)).toHaveLength(1);
  });
});
