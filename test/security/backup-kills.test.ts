/**
 * Issue 10 §2: a killed backup leaves nothing behind. The CLI is killed (SIGKILL, injected by strace)
 * at each rename of `gatehouse backup` in turn; after the next start there is no partial file beside
 * the target nor in the data folder, and the target is either absent or a whole, checked backup.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBackup } from '../../electron/store/backup-file';
import { activeAdminCore, ADMIN, tempDir } from '../support/temp-core';
import { copyOf, leftovers, runKilledAtRename, startAndLook } from './store-kill-support';

let dir: string;
let template: string;
let passFile: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gatehouse-backup-kills-'));
  template = join(dir, 'template');
  passFile = join(dir, 'admin.pass');
  writeFileSync(passFile, `${ADMIN.passphrase}\n`);
  (await activeAdminCore(template)).close();
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('backup under injected kills (issue 10 §2)', () => {
  it('leaves no partial file after a kill at every rename, and a whole backup or none', async () => {
    let written = 0;
    for (let when = 1; when <= 12; when += 1) {
      const dataDir = copyOf(template);
      const out = tempDir();
      const target = join(out, 'nightly.gatehouse-backup');
      const run = runKilledAtRename(
        ['backup', '--to', target, '--as', ADMIN.name, '--data-dir', dataDir, '--passphrase-file', passFile],
        when,
      );
      const look = await startAndLook(dataDir);
      expect(look.chainValid, `kill at rename ${when}`).toBe(true);
      expect(leftovers(dataDir), `kill at rename ${when}`).toEqual([]);
      expect(
        readdirSync(out).filter((f) => f !== 'nightly.gatehouse-backup'),
        `kill at rename ${when}`,
      ).toEqual([]);
      if (existsSync(target)) {
        expect(decodeBackup(readFileSync(target), target).audit.events).toBeGreaterThan(0);
        written += 1;
      }
      if (run.signal === null) {
        expect(run.code, run.stderr).toBe(0);
        break;
      }
    }
    expect(written).toBeGreaterThan(0);
  }, 300_000);
});
