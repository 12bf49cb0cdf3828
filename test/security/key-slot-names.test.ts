/**
 * Issue 10 §4: operators' names are not in keyslots.json nor in a backup: slots are found by a keyed
 * hash of the normalised name; the names live in the encrypted database.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { storePaths } from '../../electron/store/paths';
import { ADMIN, activeAdminCore, must, newCore, tempDir } from '../support/temp-core';

const BEA = { name: 'Bea Bishop', passphrase: 'seven quiet harbour lights' };

describe('names out of the key slot file (issue 10 §4)', () => {
  it('keeps no operator name in keyslots.json or in a backup', async () => {
    const dir = tempDir();
    const core = await activeAdminCore(dir);
    await must(core, 'operators:add', { ...BEA, role: 'auditor', systems: [] });
    const to = join(tempDir(), 'store.gatehouse-backup');
    await must(core, 'store:backup', { to });
    core.close();
    const slots = readFileSync(storePaths(dir).keySlots, 'utf8');
    const made = readFileSync(to);
    // Names and a surname alone; not a three-letter first name, which random ciphertext (and base64
    // of it) contains by chance once in every few megabytes.
    for (const name of [ADMIN.name, BEA.name, 'Bishop']) {
      expect(slots).not.toContain(name);
      expect(made.includes(Buffer.from(name, 'utf8'))).toBe(false);
    }
    expect(JSON.parse(slots).slots.map((s: { nameHash: string }) => s.nameHash)).toEqual([
      expect.stringMatching(/^[0-9a-f]{64}$/),
      expect.stringMatching(/^[0-9a-f]{64}$/),
    ]);
  });

  it('finds a slot by the name however it is typed (case, spaces)', async () => {
    const dir = tempDir();
    (await activeAdminCore(dir)).close();
    const core = newCore(dir);
    const state = await must(core, 'session:signIn', {
      name: `  ${ADMIN.name.toUpperCase()} `,
      passphrase: ADMIN.passphrase,
    });
    expect(state).toMatchObject({ state: 'acknowledging', operator: { name: ADMIN.name } });
    core.close();
  });
});
