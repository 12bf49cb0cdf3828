import { describe, expect, it } from 'vitest';
import type { Campaign, ReviewItem } from '../../../shared/access-reviews';
import type { Person } from '../../../shared/register';
import type { AccessRequest } from '../../../shared/requests';
import { giveAccount } from '../../support/register-fixtures';
import { activeAdminCore, ADMIN, must, TestClock } from '../../support/temp-core';
import { testDate } from '../../support/test-clock';

async function trust() {
  const clock = new TestClock();
  const core = await activeAdminCore(undefined, clock);
  const add = (name: string, extra: Record<string, unknown> = {}) =>
    must<Person>(core, 'people:create', { name, employmentType: 'permanent', ...extra });
  const sara = await add('Sara Senior');
  const ngozi = await add('Ngozi Okafor', { lineManagerId: sara.id, email: 'ngozi.okafor@nhs.example' });
  const sam = await add('Sam Patel', { team: 'Ward 5', lineManagerId: ngozi.id });
  const lee = await add('Lee Chan', { team: 'Ward 5', lineManagerId: ngozi.id });
  const ola = await add('Ola Ade', { team: 'Ward 6' });
  const accounts = {
    samRio: giveAccount(core, sam.id, 'rio', 'Clinician'),
    samNetwork: giveAccount(core, sam.id, 'network', 'Standard user'),
    samEmis: giveAccount(core, sam.id, 'emis', 'Clinician'),
    leeRio: giveAccount(core, lee.id, 'rio', 'Read only'),
    olaEmis: giveAccount(core, ola.id, 'emis', 'Clinician'),
  };
  giveAccount(core, ola.id, 'trac', 'Recruiting manager', 'disabled');
  return { core, clock, ngozi, sam, lee, ola, accounts };
}

const item = (items: ReviewItem[], person: string, system: string) =>
  items.find((i) => i.personName === person && i.systemName === system)!;

describe('access reviews (issue 13 §3)', () => {
  it('runs a campaign: one list per manager, answers that act, escalation, and closing', async () => {
    const { core, clock, ngozi, sam } = await trust();
    const due = testDate(14);
    const campaign = await must<Campaign>(core, 'reviews:start', { scope: { kind: 'trust' }, dueOn: due });
    expect(campaign).toMatchObject({ scope: 'the whole Trust', items: 5, answered: 0, state: 'open' });
    expect(campaign.managers.map((m) => [m.managerName, m.items])).toEqual([
      ['Ngozi Okafor', 4],
      ['No line manager recorded', 1],
    ]);
    // The same scope again, while this one is open, is refused; another scope is not.
    expect(await core.call('reviews:start', { scope: { kind: 'trust' }, dueOn: due })).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: expect.stringMatching(/review of the whole Trust is already open/),
      },
    });
    expect(
      await must(core, 'reviews:start', { scope: { kind: 'system', systemId: 'rio' }, dueOn: due }),
    ).toMatchObject({
      scope: 'RiO',
      items: 2,
    });
    expect(
      await must(core, 'reviews:start', { scope: { kind: 'team', team: 'ward 5' }, dueOn: due }),
    ).toMatchObject({
      scope: 'team ward 5',
      items: 4,
    });

    const { drafts, needsEmail } = await must<{
      drafts: { fileName: string; content: string }[];
      needsEmail: unknown[];
    }>(core, 'reviews:emails', { campaignId: campaign.id });
    expect(needsEmail).toEqual([]);
    const [email] = drafts;
    expect(email!.fileName).toBe(`access-review-${due}-001-ngozi-okafor.eml`);
    expect(email!.content).toContain('To: Ngozi Okafor <ngozi.okafor@nhs.example>');
    expect(email!.content).toContain('X-Unsent: 1');
    expect(email!.content).toContain('- Sam Patel: RiO (Clinician)');
    expect(email!.content).toContain(`Please confirm by ${due}`);

    const items = await must<ReviewItem[]>(core, 'reviews:items', {
      campaignId: campaign.id,
      managerId: ngozi.id,
    });
    expect(items).toHaveLength(4);
    const answer = (i: ReviewItem, answer: string, newRole?: string) =>
      must<{ summary: string }>(core, 'reviews:answer', {
        itemId: i.id,
        answer,
        newRole,
        answeredBy: 'Ngozi Okafor',
        answeredOn: testDate(),
      });
    expect((await answer(item(items, 'Sam Patel', 'ELFT Network Access'), 'keep')).summary).toBe(
      'Sam Patel’s ELFT Network Access account is kept.',
    );
    expect((await answer(item(items, 'Sam Patel', 'RiO'), 'remove')).summary).toMatch(
      /Sam Patel’s RiO account is de-registered on Ngozi Okafor’s instruction/,
    );
    const { person } = await must<{ person: Person }>(core, 'people:get', { id: sam.id });
    expect(person.accounts.find((a) => a.systemId === 'rio')!.status).toBe('disabled');
    const deregistered = await must<{ events: { instructedBy: string | null }[] }>(core, 'audit:list', {
      action: 'account.deregistered',
    });
    expect(deregistered.events[0]!.instructedBy).toMatch(
      /^Ngozi Okafor \(line manager, access review of the whole Trust/,
    );
    expect((await answer(item(items, 'Lee Chan', 'RiO'), 'change-role', 'Clinician')).summary).toMatch(
      /changes Lee Chan’s RiO role to Clinician/,
    );
    const [amendment] = await must<AccessRequest[]>(core, 'requests:list', { view: 'open' });
    expect(amendment).toMatchObject({
      type: 'amendment',
      role: 'Clinician',
      state: 'ready',
      authorisation: { by: 'Ngozi Okafor' },
    });
    expect(
      await core.call('reviews:answer', {
        itemId: item(items, 'Lee Chan', 'RiO').id,
        answer: 'keep',
        answeredBy: 'Ngozi Okafor',
        answeredOn: testDate(),
      }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    // Unanswered by the due date: escalated to the manager's own manager.
    expect(await core.call('reviews:escalate', { campaignId: campaign.id })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/due on/) },
    });
    clock.advance(15 * 86_400_000);
    core.checkIdle();
    await must(core, 'session:signIn', ADMIN);
    await must(core, 'session:acknowledgeAcceptableUse', { version: '2025-03' });
    expect(await must(core, 'reviews:escalate', { campaignId: campaign.id })).toEqual({
      escalated: 2,
      seniorManagers: ['No senior manager recorded', 'Sara Senior'],
    });
    const [status] = (await must<Campaign[]>(core, 'reviews:status')).filter((c) => c.id === campaign.id);
    expect(status).toMatchObject({ answered: 3, overdue: true });
    expect(status!.managers[0]).toMatchObject({
      managerName: 'Ngozi Okafor',
      kept: 1,
      removed: 1,
      roleChanged: 1,
      escalated: 1,
    });

    const report = await must<{ rows: unknown[][] }>(core, 'reports:run', {
      name: 'access-reviews',
      month: testDate(15).slice(0, 7),
    });
    expect(report.rows[0]).toEqual([
      'the whole Trust',
      due,
      'Open, overdue',
      'Ngozi Okafor',
      4,
      3,
      1,
      1,
      1,
      1,
    ]);
    const pdf = await must<{ mimeType: string; rows: number }>(core, 'reports:export', {
      name: 'access-reviews',
      month: testDate(15).slice(0, 7),
      format: 'pdf',
    });
    expect(pdf).toMatchObject({ mimeType: 'application/pdf', rows: report.rows.length });

    // The last answers close it; the Trust can then be reviewed again.
    const rest = (await must<ReviewItem[]>(core, 'reviews:items', { campaignId: campaign.id })).filter(
      (i) => !i.answer,
    );
    await answer(rest[0]!, 'keep');
    expect((await answer(rest[1]!, 'keep')).summary).toMatch(/review of the whole Trust is closed/);
    expect(await core.call('reviews:start', { scope: { kind: 'trust' }, dueOn: testDate(40) })).toMatchObject(
      { ok: true },
    );
  });
});
