/**
 * Access reviews for a scoped administrator (issue 13 §3), as the Trust register's row-level
 * security allows them (server step 10): answers, even "keep", only on their own systems' accounts;
 * escalation only of a review of one of their systems.
 */
import { describe, expect, it } from 'vitest';
import type { Campaign, ReviewItem } from '../../../shared/access-reviews';
import type { Person } from '../../../shared/register';
import { giveAccount } from '../../support/register-fixtures';
import { activeAdminCore, must, newCore, TestClock, tempDir } from '../../support/temp-core';
import { testDate } from '../../support/test-clock';

const RIO_ADMIN = { name: 'Rhiannon Rio', passphrase: 'clinical systems every day' };

describe('access reviews for an administrator of some systems', () => {
  it('records answers on their own systems’ accounts only, and escalates only their systems’ reviews', async () => {
    const dir = tempDir();
    const clock = new TestClock();
    const admin = await activeAdminCore(dir, clock);
    await must(admin, 'operators:add', { ...RIO_ADMIN, role: 'administrator', systems: ['rio'] });
    const ngozi = await must<Person>(admin, 'people:create', {
      name: 'Ngozi Okafor',
      employmentType: 'permanent',
    });
    const sam = await must<Person>(admin, 'people:create', {
      name: 'Sam Patel',
      employmentType: 'permanent',
      lineManagerId: ngozi.id,
    });
    giveAccount(admin, sam.id, 'rio', 'Clinician');
    giveAccount(admin, sam.id, 'emis', 'Clinician');
    const trust = await must<Campaign>(admin, 'reviews:start', {
      scope: { kind: 'trust' },
      dueOn: testDate(7),
    });
    const rio = await must<Campaign>(admin, 'reviews:start', {
      scope: { kind: 'system', systemId: 'rio' },
      dueOn: testDate(7),
    });
    admin.close();

    const core = newCore(dir, clock);
    await must(core, 'session:signIn', RIO_ADMIN);
    await must(core, 'session:acknowledgeAcceptableUse', { version: '2025-03' });
    const items = await must<ReviewItem[]>(core, 'reviews:items', { campaignId: trust.id });
    const keep = (item: ReviewItem) =>
      core.call('reviews:answer', {
        itemId: item.id,
        answer: 'keep',
        answeredBy: 'Ngozi Okafor',
        answeredOn: testDate(),
      });
    expect(await keep(items.find((i) => i.systemName === 'RiO')!)).toMatchObject({ ok: true });
    expect(await keep(items.find((i) => i.systemName === 'EMIS')!)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringMatching(/EMIS is not among them/) },
    });

    // Past the due date, signed in again (the session ends while the clock moves on).
    clock.advance(8 * 86_400_000);
    await must(core, 'session:signIn', RIO_ADMIN);
    await must(core, 'session:acknowledgeAcceptableUse', { version: '2025-03' });
    expect(await core.call('reviews:escalate', { campaignId: trust.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringMatching(/Only an administrator of every system/) },
    });
    expect(await core.call('reviews:escalate', { campaignId: rio.id })).toMatchObject({ ok: true });
    core.close();
  });
});
