/**
 * Issue 10 §2: a restore happens whole or not at all, and always on the record. The CLI is killed
 * (SIGKILL, injected by strace) at each rename it makes in turn; a fresh start must then find
 * exactly the old store or the restored one with its `store.restored` event, and no leftovers.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGatehouse } from '../support/run-cli';
import { TEST_NOW } from '../support/test-clock';
import { activeAdminCore, ADMIN, must, tempDir } from '../support/temp-core';
import {
  copyOf,
  leftovers,
  RAE,
  runKilledAfter,
  runKilledAtRename,
  startAndLook,
} from './store-kill-support';

let template: string;
let backupFile: string;
let passFile: string;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gatehouse-restore-kills-'));
  template = join(dir, 'template');
  backupFile = join(dir, 'before-rae.gatehouse-backup');
  passFile = join(dir, 'admin.pass');
  writeFileSync(passFile, `${ADMIN.passphrase}\n`);
  const core = await activeAdminCore(template);
  await must(core, 'store:backup', { to: backupFile });
  // The live store moves on after the backup: the old store has Rae, the backup does not.
  await must(core, 'operators:add', { ...RAE, role: 'ra-officer' });
  core.close();
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function restoreArgs(dataDir: string, from = backupFile): string[] {
  return [
    'restore',
    '--from',
    from,
    '--force',
    '--as',
    ADMIN.name,
    '--data-dir',
    dataDir,
    '--passphrase-file',
    passFile,
  ];
}

describe('restore under injected kills (issue 10 §2)', () => {
  it('leaves the old store or the new one, audited, after a kill at every rename', async () => {
    const outcomes: string[] = [];
    for (let when = 1; when <= 20; when += 1) {
      const dataDir = copyOf(template);
      const run = runKilledAtRename(restoreArgs(dataDir), when);
      const look = await startAndLook(dataDir);
      expect(look.chainValid, `kill at rename ${when}`).toBe(true);
      const old = look.names.includes(RAE.name) && look.restoredEvents === 0;
      const restored = !look.names.includes(RAE.name) && look.restoredEvents === 1;
      expect(old || restored, `kill at rename ${when}: ${JSON.stringify(look)}`).toBe(true);
      expect(leftovers(dataDir), `kill at rename ${when}`).toEqual([]);
      outcomes.push(old ? 'old' : 'new');
      if (run.signal === null) {
        // This run made fewer renames than `when`: it finished, so every rename has been tried.
        expect(run.code, run.stderr).toBe(0);
        expect(restored).toBe(true);
        break;
      }
    }
    // Some kills come before the commit and some after; both sides are covered.
    expect(outcomes).toContain('old');
    expect(outcomes.filter((o) => o === 'new').length).toBeGreaterThan(1);
  }, 600_000);

  it('leaves the old store or the new one, audited, after kills at arbitrary moments', async () => {
    // Spread over a restore's run (about a second here, longer under load); a fixed list keeps it repeatable.
    for (const afterMs of [120, 260, 400, 520, 640, 760, 900, 1100]) {
      const dataDir = copyOf(template);
      await runKilledAfter(restoreArgs(dataDir), afterMs);
      const look = await startAndLook(dataDir);
      const old = look.names.includes(RAE.name) && look.restoredEvents === 0;
      const restored = !look.names.includes(RAE.name) && look.restoredEvents === 1;
      expect(look.chainValid && (old || restored), `kill after ${afterMs} ms: ${JSON.stringify(look)}`).toBe(
        true,
      );
      expect(leftovers(dataDir), `kill after ${afterMs} ms`).toEqual([]);
    }
  }, 300_000);

  it('checks the operator and the back-off before touching the store', () => {
    const dataDir = copyOf(template);
    const before = readFileSync(join(dataDir, 'gatehouse.db'));
    const wrong = join(tempDir(), 'wrong.pass');
    writeFileSync(wrong, 'not the passphrase at all\n');
    const args = restoreArgs(dataDir).map((a) => (a === passFile ? wrong : a));
    // Each CLI process's clock starts where the test says, a few seconds apart.
    const at = (seconds: number) => new Date(TEST_NOW.getTime() + seconds * 1000);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect(runGatehouse(args, '', {}, at(attempt * 5))).toMatchObject({
        code: 2,
        stderr: expect.stringMatching(/not recognised/),
      });
    }
    const throttled = runGatehouse(restoreArgs(dataDir), '', {}, at(10));
    expect(throttled).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/Wait \d+ seconds?.*Nothing was restored/),
    });
    expect(readFileSync(join(dataDir, 'gatehouse.db')).equals(before)).toBe(true);
    expect(leftovers(dataDir)).toEqual([]);
  }, 120_000);

  it('refuses a backup whose header was changed (its creation date is covered by the checksum)', () => {
    const dataDir = copyOf(template);
    const bytes = readFileSync(backupFile);
    const at = bytes.indexOf('"createdAt":"2026');
    expect(at).toBeGreaterThan(0);
    bytes.write('"createdAt":"2025', at, 'utf8');
    const changed = join(tempDir(), 'changed.gatehouse-backup');
    writeFileSync(changed, bytes);
    expect(runGatehouse(restoreArgs(dataDir, changed))).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/damaged or incomplete/),
    });
    expect(existsSync(join(dataDir, 'restore-journal.json'))).toBe(false);
  });
});
