/**
 * Issue 10 §1 and §4: a store from before signatures opens, says which events predate them, gives
 * each operator a signing key at their next sign-in, and takes names out of its key slot file.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ChainStatus } from '../../shared/model';
import { storePaths } from '../../electron/store/paths';
import { must, signedInCore, tempDir } from '../support/temp-core';
import { LEGACY_OPERATORS, legacyStore } from './legacy-store';

const [ada, bea] = LEGACY_OPERATORS.map(({ name, passphrase }) => ({ name, passphrase })) as [
  { name: string; passphrase: string },
  { name: string; passphrase: string },
];

describe('a store from before signatures (issue 10 §1)', () => {
  it('verifies, noting the events that predate signatures, and signs everything after', async () => {
    const dir = tempDir();
    await legacyStore(dir);
    const core = await signedInCore(dir, ada);
    const verdict = await must<ChainStatus>(core, 'audit:verify');
    expect(verdict).toMatchObject({ valid: true, problems: [] });
    expect(verdict.notes).toEqual(['Events 1–2 predate signatures: they are checked by their hashes only.']);
    const db = core.session.store!.db;
    const keyEvent = db
      .prepare(
        `SELECT seq, operator_name, after_json FROM audit_events WHERE action = 'operator.signing-key-added'`,
      )
      .all() as { seq: number; operator_name: string; after_json: string }[];
    expect(keyEvent).toHaveLength(1);
    expect(keyEvent[0]).toMatchObject({ seq: 3, operator_name: ada.name });
    expect(JSON.parse(keyEvent[0]!.after_json).signingKey).toBe(
      db.prepare('SELECT signing_public_key FROM operators WHERE name = ?').pluck().get(ada.name),
    );
    expect(
      db.prepare('SELECT count(*) FROM audit_events WHERE seq >= 3 AND signature IS NULL').pluck().get(),
    ).toBe(0);
    await must(core, 'session:signOut');
    core.close();

    // Bea, who existed before, gets her key at her own next sign-in; Ada's is not recorded twice.
    const second = await signedInCore(dir, bea);
    const after = await must<ChainStatus>(second, 'audit:verify');
    expect(after).toMatchObject({ valid: true });
    const keys = second.session
      .store!.db.prepare(
        `SELECT operator_name FROM audit_events WHERE action = 'operator.signing-key-added' ORDER BY seq`,
      )
      .pluck()
      .all();
    expect(keys).toEqual([ada.name, bea.name]);
    second.close();
  });

  it('rewrites the key slot file without names at the first sign-in (issue 10 §4)', async () => {
    const dir = tempDir();
    await legacyStore(dir);
    const before = readFileSync(storePaths(dir).keySlots, 'utf8');
    expect(before).toContain('Bea Bishop');
    const core = await signedInCore(dir, ada);
    const after = readFileSync(storePaths(dir).keySlots, 'utf8');
    for (const operator of LEGACY_OPERATORS) expect(after).not.toContain(operator.name);
    expect(JSON.parse(after)).toMatchObject({ version: 2 });
    core.close();
    // Bea, whose slot was rewritten by Ada's sign-in, still opens hers.
    const beaCore = await signedInCore(dir, bea);
    expect(beaCore.session.operator?.name).toBe('Bea Bishop');
    beaCore.close();
  });
});
