/**
 * The Conflicts list shows a command as a person reads it (issue 11 §2): a new operator's SCRAM
 * verifier, kept in the outbox so the push can make their login, is never shown to anyone.
 */
import { describe, expect, it } from 'vitest';
import { activeAdminCore, must } from '../support/temp-core';

describe('conflicts as shown', () => {
  it('leaves out a waiting operator’s passphrase verifier and keeps the rest of the command', async () => {
    const core = await activeAdminCore();
    const operator = core.session.operator!;
    core.session
      .store!.db.prepare(
        `INSERT INTO outbox (command_id, channel, input_json, operator_id, state, problem, created_at)
         VALUES ('c-1', 'operators:add', ?, ?, 'conflict', 'refused', '2026-11-23T09:00:00.000Z')`,
      )
      .run(
        JSON.stringify({
          name: 'Rae Officer',
          role: 'ra-officer',
          passphraseVerifier: 'SCRAM-SHA-256$4096:c2FsdA==$a2V5:c2VydmVy',
        }),
        operator.id,
      );
    const [shown] = await must<{ input: Record<string, unknown> }[]>(core, 'sync:conflicts');
    expect(shown!.input).toEqual({ name: 'Rae Officer', role: 'ra-officer' });
    core.close();
  });
});
