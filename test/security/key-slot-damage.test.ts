/**
 * Issue 10 §3: a damaged key slot is told apart from a wrong passphrase, is not counted towards the
 * sign-in back-off, and bounded KDF parameters keep a hostile slot from costing minutes and
 * gigabytes. INTERNAL exits 1 at the command line.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { slotCheck } from '../../electron/store/key-slot-format';
import { storePaths } from '../../electron/store/paths';
import { initStore, runGatehouse } from '../support/run-cli';
import { ADMIN, activeAdminCore, newCore, tempDir } from '../support/temp-core';

type RawSlot = Record<string, unknown> & { kdf: Record<string, unknown> };
type RawFile = { storeId: string; slots: RawSlot[] };

function flip(text: string): string {
  // Change one base64 character in the middle: the length (and so the structure) stays the same.
  const i = Math.floor(text.length / 2);
  return `${text.slice(0, i)}${text[i] === 'A' ? 'B' : 'A'}${text.slice(i + 1)}`;
}

async function storeWithSlots(): Promise<{ dir: string; file: RawFile }> {
  const dir = tempDir();
  const core = await activeAdminCore(dir);
  await core.call('session:signOut', {});
  core.close();
  return { dir, file: JSON.parse(readFileSync(storePaths(dir).keySlots, 'utf8')) as RawFile };
}

function write(dir: string, file: RawFile): void {
  writeFileSync(storePaths(dir).keySlots, JSON.stringify(file));
}

const DAMAGE: [string, (file: RawFile) => void][] = [
  ['a flipped wrapped key', (f) => void (f.slots[0]!.wrappedKey = flip(f.slots[0]!.wrappedKey as string))],
  ['a flipped tag', (f) => void (f.slots[0]!.tag = flip(f.slots[0]!.tag as string))],
  ['a flipped salt', (f) => void (f.slots[0]!.kdf.salt = flip(f.slots[0]!.kdf.salt as string))],
  ['a changed store id', (f) => void (f.storeId = '00000000-0000-4000-8000-000000000000')],
  ['an unparsable slot', (f) => void (f.slots[0] = { nameHash: f.slots[0]!.nameHash, kdf: {} })],
];

describe('a damaged key slot (issue 10 §3)', () => {
  for (const [what, damage] of DAMAGE) {
    it(`says ${what} is damage, not a wrong passphrase, and does not count it`, async () => {
      const { dir, file } = await storeWithSlots();
      damage(file);
      write(dir, file);
      const core = newCore(dir);
      for (let i = 0; i < 5; i += 1) {
        const result = await core.call('session:signIn', ADMIN);
        expect(result).toMatchObject({ ok: false, error: { code: 'STORE_UNREADABLE' } });
        if (!result.ok)
          expect(result.error.message).toMatch(
            /key slot .* is damaged.*has not been counted as wrong.*Restore the key slot file from the latest backup/,
          );
      }
      expect(core.deps.throttle.waitSeconds(ADMIN.name)).toBe(0);
      core.close();
    });
  }

  it('still counts a wrong passphrase against an intact slot', async () => {
    const { dir } = await storeWithSlots();
    const core = newCore(dir);
    for (let i = 0; i < 3; i += 1) {
      expect(
        await core.call('session:signIn', { ...ADMIN, passphrase: 'not the passphrase at all' }),
      ).toMatchObject({
        ok: false,
        error: { code: 'PASSPHRASE_NOT_RECOGNISED' },
      });
    }
    expect(core.deps.throttle.waitSeconds(ADMIN.name)).toBeGreaterThan(0);
    core.close();
  });

  for (const N of [2 ** 22, 2 ** 30, 3 * 2 ** 14]) {
    it(`refuses scrypt N=${N} as a damaged slot at once, even with its check recomputed`, async () => {
      const { dir, file } = await storeWithSlots();
      const slot = { ...file.slots[0]! };
      delete slot.check;
      const hostile = { ...slot, kdf: { ...slot.kdf, N } } as unknown as Parameters<typeof slotCheck>[1];
      file.slots[0] = { ...hostile, check: slotCheck(file.storeId, hostile) } as unknown as RawSlot;
      write(dir, file);
      const core = newCore(dir);
      const started = performance.now();
      const result = await core.call('session:signIn', ADMIN);
      expect(performance.now() - started).toBeLessThan(5_000);
      expect(result).toMatchObject({ ok: false, error: { code: 'STORE_UNREADABLE' } });
      core.close();
    });
  }

  it('exits 1 on an INTERNAL error at the command line, as the README says', () => {
    const dir = tempDir();
    const flags = initStore(dir);
    // The back-off record cannot be written (a folder stands where its file should be): a fault, not bad input.
    const attempts = join(dir, 'store', 'sign-in-attempts.json');
    mkdirSync(attempts, { recursive: true });
    writeFileSync(join(attempts, 'x'), 'x');
    const pass = join(dir, 'wrong.pass');
    writeFileSync(pass, 'not the passphrase at all\n');
    const run = runGatehouse(['audit', 'verify', ...flags.slice(0, 4), '--passphrase-file', pass]);
    expect(run.stderr).toMatch(/unexpected problem/);
    expect(run.code).toBe(1);
  });
});
