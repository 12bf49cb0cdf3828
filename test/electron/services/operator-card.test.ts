import { describe, expect, it } from 'vitest';
import type { Operator } from '../../../shared/model';
import { CARD_IDENTITY, FakeReaders } from '../../support/smartcard/fake-readers';
import { activeAdminCore, ADMIN, must, TestClock, tempDir } from '../../support/temp-core';

async function workstation() {
  const readers = new FakeReaders();
  const core = await activeAdminCore(tempDir(), new TestClock(), readers);
  const signIn = () => core.call('session:signIn', ADMIN);
  return { core, readers, adminId: core.session.operator!.id, signIn };
}

describe('signing in with a smartcard (issue 4 §4)', () => {
  it('needs the linked card in a reader as well as the passphrase, and keeps nothing unlocked without it', async () => {
    const { core, readers, adminId, signIn } = await workstation();
    readers.cardInA(CARD_IDENTITY);
    expect(await must(core, 'operators:linkCard', { id: adminId, reader: 'Reader A' })).toEqual({
      summary: 'Ada Administrator now signs in with smartcard 555123456789 and their passphrase.',
    });
    const listed = await must<Operator[]>(core, 'operators:list', {});
    expect(listed[0]?.cardUuid).toBe('555123456789');
    await must(core, 'session:signOut', {});

    readers.cardInA(null);
    expect(await signIn()).toEqual({
      ok: false,
      error: {
        code: 'CARD_REQUIRED',
        message:
          'You sign in with your smartcard: put it in the reader, wait for it to be read, then sign in again.',
      },
    });
    expect(core.session.store).toBeNull();
    readers.cardInA({ ...CARD_IDENTITY, uuid: '999999999999' });
    expect(await signIn()).toMatchObject({ ok: false, error: { code: 'CARD_REQUIRED' } });
    readers.cardInA({ ...CARD_IDENTITY, expiry: 'expired' });
    expect(await signIn()).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('has expired') },
    });
    readers.cardInA(CARD_IDENTITY);
    expect(await signIn()).toMatchObject({ ok: true, value: { state: 'acknowledging' } });
    core.close();
  });

  it('locks at once when the card is taken out, dropping the key, unless the setting is off', async () => {
    const { core, readers, adminId, signIn } = await workstation();
    readers.cardInA(CARD_IDENTITY);
    await must(core, 'operators:linkCard', { id: adminId, reader: 'Reader A' });
    await must(core, 'session:signOut', {});
    await signIn();
    const locked = new Promise((resolve) => core.events.on('session:changed', resolve));
    readers.cardInA(null);
    expect(await locked).toEqual({ state: 'signed-out', reason: 'card-removed' });
    expect(core.session.store).toBeNull();

    readers.cardInA(CARD_IDENTITY);
    await signIn();
    await must(core, 'session:acknowledgeAcceptableUse', { version: '2025-03' });
    await must(core, 'settings:update', { lockOnCardRemoval: false });
    readers.cardInA(null);
    expect(core.session.state()).toMatchObject({ state: 'active' });
    core.close();
  });

  it('refuses one card for two operators (USE-1), and an operator without a card signs in as before', async () => {
    const { core, readers, adminId } = await workstation();
    const other = await must<Operator>(core, 'operators:add', {
      name: 'Rita Officer',
      role: 'ra-officer',
      passphrase: 'copper kettle meadow 77',
    });
    readers.cardInA(CARD_IDENTITY);
    await must(core, 'operators:linkCard', { id: adminId, reader: 'Reader A' });
    expect(await core.call('operators:linkCard', { id: other.id, reader: 'Reader A' })).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: expect.stringContaining('already linked to Ada Administrator (USE-1'),
      },
    });
    await must(core, 'session:signOut', {});
    readers.cardInA(null);
    expect(
      await core.call('session:signIn', { name: 'Rita Officer', passphrase: 'copper kettle meadow 77' }),
    ).toMatchObject({ ok: true });
    core.close();
  });

  it('unlinks a lost card only with a reason, after which the passphrase alone signs in', async () => {
    const { core, readers, adminId, signIn } = await workstation();
    readers.cardInA(CARD_IDENTITY);
    await must(core, 'operators:linkCard', { id: adminId, reader: 'Reader A' });
    expect(await core.call('operators:unlinkCard', { id: adminId, reason: '' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(
      await must(core, 'operators:unlinkCard', { id: adminId, reason: 'Card lost on the ward' }),
    ).toEqual({
      summary: 'Ada Administrator signs in with their passphrase alone from now on.',
    });
    await must(core, 'session:signOut', {});
    readers.cardInA(null);
    expect(await signIn()).toMatchObject({ ok: true });
    core.close();
  });
});
