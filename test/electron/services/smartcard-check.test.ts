import { describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../../shared/contract';
import type { Person } from '../../../shared/register';
import { giveAccount } from '../../support/register-fixtures';
import { CARD_IDENTITY, FakeReaders } from '../../support/smartcard/fake-readers';
import { activeAdminCore, must, TestClock, tempDir } from '../../support/temp-core';

async function trust() {
  const readers = new FakeReaders();
  readers.cardInA(CARD_IDENTITY);
  const core = await activeAdminCore(tempDir(), new TestClock(), readers);
  const sam = await must<Person>(core, 'people:create', { name: 'Sam Patel', employmentType: 'permanent' });
  giveAccount(core, sam.id, 'rio', 'Clinician');
  return { core, readers, sam };
}

type Holder = ChannelOutput<'smartcard:holder'>;

describe('the RA holder check', () => {
  it('says no one holds an unknown card, links it to a person (audited), and then shows their record', async () => {
    const { core, sam } = await trust();
    const unknown = await must<Holder>(core, 'smartcard:holder', { reader: 'Reader A' });
    expect([unknown.identity.uuid, unknown.person]).toEqual(['555123456789', null]);
    expect(await must(core, 'smartcard:link', { reader: 'Reader A', personId: sam.id })).toEqual({
      summary: 'Smartcard 555123456789 is now recorded as Sam Patel’s.',
    });
    const known = await must<Holder>(core, 'smartcard:holder', { reader: 'Reader A' });
    expect(known.person?.name).toBe('Sam Patel');
    expect(known.person?.accounts.map((a) => [a.systemName, a.status])).toEqual([['RiO', 'active']]);
    expect(known.esrPrerequisites).toEqual([
      { prerequisite: 'smartcard', label: 'Valid active smartcard', met: true },
      { prerequisite: 'esr06-form', label: 'ESR06 User Access Form', met: false },
      { prerequisite: 'confidentiality-declaration', label: 'ESR Confidentiality Declaration', met: false },
    ]);
    const audit = await must<{ events: { action: string; subjectLabel: string }[] }>(core, 'audit:list', {});
    expect(audit.events.slice(0, 3).map((e) => `${e.action} ${e.subjectLabel}`)).toEqual([
      'smartcard.checked Sam Patel',
      'smartcard.linked Sam Patel',
      'smartcard.checked Smartcard 555123456789',
    ]);
    core.close();
  });

  it('refuses to give one card to two people (USE-1), and to check an empty reader or an unreadable card', async () => {
    const { core, readers, sam } = await trust();
    const ama = await must<Person>(core, 'people:create', {
      name: 'Ama Mensah',
      employmentType: 'permanent',
    });
    await must(core, 'smartcard:link', { reader: 'Reader A', personId: sam.id });
    expect(await core.call('smartcard:link', { reader: 'Reader A', personId: ama.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('already recorded for Sam Patel (USE-1') },
    });
    expect(await core.call('smartcard:holder', { reader: 'Reader B' })).toMatchObject({
      ok: false,
      error: { message: 'There is no card in Reader B. Insert the card and try again.' },
    });
    readers.cardInA(null, 'failed');
    expect(await core.call('smartcard:holder', { reader: 'Reader A' })).toMatchObject({
      ok: false,
      error: { message: 'The card stopped answering.' },
    });
    core.close();
  });

  it('flags the smartcard prerequisite as unmet for an expired card (REG-8)', async () => {
    const { core, readers, sam } = await trust();
    await must(core, 'smartcard:link', { reader: 'Reader A', personId: sam.id });
    readers.cardInA({ ...CARD_IDENTITY, expiry: 'expired' });
    const holder = await must<Holder>(core, 'smartcard:holder', { reader: 'Reader A' });
    expect(holder.esrPrerequisites[0]).toEqual({
      prerequisite: 'smartcard',
      label: 'Valid active smartcard',
      met: false,
    });
    core.close();
  });
});
