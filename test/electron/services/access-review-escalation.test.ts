import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Campaign, ReviewItem } from '../../../shared/access-reviews';
import type { ChannelOutput } from '../../../shared/contract';
import type { Person } from '../../../shared/register';
import { giveAccount } from '../../support/register-fixtures';
import { activeAdminCore, ADMIN, must, TestClock, tempDir } from '../../support/temp-core';
import { testDate } from '../../support/test-clock';

type Drafts = ChannelOutput<'reviews:escalationEmails'>;

/** A draft as a mail client shows it: headers unfolded, the quoted-printable body decoded. */
function readDraft(eml: string): { headers: string; body: string } {
  const split = eml.indexOf('\r\n\r\n');
  const qp = eml
    .slice(split + 4)
    .replace(/=\r\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return {
    headers: eml.slice(0, split).replace(/\r\n /g, ' '),
    body: Buffer.from(qp, 'latin1').toString('utf8'),
  };
}
type Exported = ChannelOutput<'reviews:report'>;

/** Sara manages Ngozi and Tom; Ken's own manager Ben has no email address; Ola has no line manager. */
async function trust() {
  const clock = new TestClock();
  const core = await activeAdminCore(undefined, clock);
  const add = (name: string, extra: Record<string, unknown> = {}) =>
    must<Person>(core, 'people:create', { name, employmentType: 'permanent', ...extra });
  const sara = await add('Sara Senior', { email: 'sara.senior@nhs.example' });
  const ben = await add('Ben Boss');
  const ngozi = await add('Ngozi Okafor', { lineManagerId: sara.id, email: 'ngozi.okafor@nhs.example' });
  const tom = await add('Tom Tutu', { lineManagerId: sara.id });
  const ken = await add('Ken Kay', { lineManagerId: ben.id });
  const sam = await add('Sam Patel', { lineManagerId: ngozi.id });
  const lee = await add('Lee Chan', { lineManagerId: ngozi.id });
  const pat = await add('Pat Pim', { lineManagerId: tom.id });
  const kim = await add('Kim Ode', { lineManagerId: ken.id });
  const ola = await add('Ola Ade');
  giveAccount(core, sam.id, 'rio', 'Clinician');
  giveAccount(core, sam.id, 'network', 'Standard user');
  giveAccount(core, lee.id, 'rio', 'Read only');
  giveAccount(core, pat.id, 'emis', 'Clinician');
  giveAccount(core, kim.id, 'emis', 'Clinician');
  giveAccount(core, ola.id, 'emis', 'Clinician');
  const due = testDate(14);
  const campaign = await must<Campaign>(core, 'reviews:start', { scope: { kind: 'trust' }, dueOn: due });
  const items = await must<ReviewItem[]>(core, 'reviews:items', { campaignId: campaign.id });
  const item = (person: string, system: string) =>
    items.find((i) => i.personName === person && i.systemName === system)!;
  const answer = (i: ReviewItem, answer: string, answeredBy: string) =>
    must(core, 'reviews:answer', { itemId: i.id, answer, answeredBy, answeredOn: testDate() });
  /** Past the due date, signed in again (the session ends while the clock moves on). */
  const pastDue = async () => {
    clock.advance(15 * 86_400_000);
    core.checkIdle();
    await must(core, 'session:signIn', ADMIN);
    await must(core, 'session:acknowledgeAcceptableUse', { version: '2025-03' });
  };
  return { core, campaign, due, item, answer, pastDue, ngozi, ben };
}

describe('escalating an access review to the senior managers (issue 13 §3)', () => {
  it('drafts one email per senior manager, listing their line managers’ unanswered accounts', async () => {
    const { core, campaign, due, item, answer, pastDue, ngozi, ben } = await trust();
    await answer(item('Sam Patel', 'ELFT Network Access'), 'keep', 'Ngozi Okafor');
    await pastDue();
    // Nothing is escalated yet: nothing to draft.
    expect(await must<Drafts>(core, 'reviews:escalationEmails', { campaignId: campaign.id })).toEqual({
      scope: 'the whole Trust',
      drafts: [],
      needsEmail: [],
      noSenior: [],
    });
    expect(await must(core, 'reviews:escalate', { campaignId: campaign.id })).toEqual({
      escalated: 5,
      seniorManagers: ['Ben Boss', 'No senior manager recorded', 'Sara Senior'],
    });
    // Ngozi's own manager changes afterwards: what was escalated to Sara stays Sara's.
    await must(core, 'people:update', {
      id: ngozi.id,
      changes: { lineManagerId: ben.id },
      reason: 'Reorganisation',
    });

    const result = await must<Drafts>(core, 'reviews:escalationEmails', { campaignId: campaign.id });
    expect(result.needsEmail).toEqual([{ managerName: 'Ben Boss', accounts: 1 }]);
    expect(result.noSenior).toEqual([{ managerName: 'No line manager recorded', accounts: 1 }]);
    expect(result.drafts.map((d) => [d.seniorName, d.fileName])).toEqual([
      ['Sara Senior', `access-review-escalation-${due}-002-sara-senior.eml`],
    ]);
    const { headers, body } = readDraft(result.drafts[0]!.content);
    expect(headers).toContain('To: Sara Senior <sara.senior@nhs.example>');
    expect(headers).toContain('X-Unsent: 1');
    expect(headers).toContain(
      `Subject: Escalated: access review of the whole Trust, unanswered since ${due}`,
    );
    expect(body).toContain(`The access review of the whole Trust was due on ${due}.`);
    expect(body).toContain(
      [
        'Ngozi Okafor’s staff:',
        '- Lee Chan: RiO (Read only)',
        '- Sam Patel: RiO (Clinician)',
        '',
        'Tom Tutu’s staff:',
        '- Pat Pim: EMIS (Clinician)',
      ].join('\r\n'),
    );
    // The answered account is not asked about again.
    expect(body).not.toContain('ELFT Network Access');

    // Sara answers for Lee: the draft drops it; the screen's list shows who each item went to.
    await answer(item('Lee Chan', 'RiO'), 'remove', 'Sara Senior');
    const removed = await must<{ events: { instructedBy: string | null }[] }>(core, 'audit:list', {
      action: 'account.deregistered',
    });
    expect(removed.events[0]!.instructedBy).toMatch(
      /^Sara Senior \(senior manager, access review of the whole Trust, /,
    );
    const again = await must<Drafts>(core, 'reviews:escalationEmails', { campaignId: campaign.id });
    expect(readDraft(again.drafts[0]!.content).body).not.toContain('Lee Chan');
    const listed = await must<ReviewItem[]>(core, 'reviews:items', { campaignId: campaign.id });
    expect(listed.map((i) => [i.personName, i.escalatedTo]).sort()).toEqual([
      ['Kim Ode', 'Ben Boss'],
      ['Lee Chan', 'Sara Senior'],
      ['Ola Ade', 'No senior manager recorded'],
      ['Pat Pim', 'Sara Senior'],
      ['Sam Patel', null],
      ['Sam Patel', 'Sara Senior'],
    ]);
  });
});

describe('an access review’s report (issue 13 §3)', () => {
  it('shows progress and outcomes per line manager as CSV with its anchor, and as PDF; each export audited', async () => {
    const { core, campaign, due, item, answer, pastDue } = await trust();
    await answer(item('Sam Patel', 'ELFT Network Access'), 'keep', 'Ngozi Okafor');
    await answer(item('Sam Patel', 'RiO'), 'remove', 'Ngozi Okafor');
    await must(core, 'reviews:answer', {
      itemId: item('Lee Chan', 'RiO').id,
      answer: 'change-role',
      newRole: 'Clinician',
      answeredBy: 'Ngozi Okafor',
      answeredOn: testDate(),
    });
    const before = await must<Exported>(core, 'reviews:report', { campaignId: campaign.id, format: 'csv' });
    expect(Buffer.from(before.base64, 'base64').toString('utf8')).toContain(
      'All line managers,6,3,1,1,1,3,0,0,\r\n',
    );
    await pastDue();
    await must(core, 'reviews:escalate', { campaignId: campaign.id });

    const csv = await must<Exported>(core, 'reviews:report', { campaignId: campaign.id, format: 'csv' });
    expect(csv).toMatchObject({
      fileName: `gatehouse-access-review-the-whole-trust-${due}.csv`,
      mimeType: 'text/csv;charset=utf-8',
      rows: 5,
      anchor: { format: 'gatehouse-audit-anchor' },
    });
    expect(Buffer.from(csv.base64, 'base64').toString('utf8')).toBe(
      '\uFEFFLine manager,Accounts,Answered,Kept,Removed,Role changed,Unanswered,Escalated,Overdue,Escalated to\r\n' +
        'Ken Kay,1,0,0,0,0,1,1,1,Ben Boss\r\n' +
        'Ngozi Okafor,3,3,1,1,1,0,0,0,\r\n' +
        'Tom Tutu,1,0,0,0,0,1,1,1,Sara Senior\r\n' +
        'No line manager recorded,1,0,0,0,0,1,1,1,No senior manager recorded\r\n' +
        'All line managers,6,3,1,1,1,3,3,3,\r\n',
    );

    const pdf = await must<Exported>(core, 'reviews:report', { campaignId: campaign.id, format: 'pdf' });
    expect(pdf.fileName).toBe(`gatehouse-access-review-the-whole-trust-${due}.pdf`);
    const file = join(tempDir(), pdf.fileName);
    writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Access review of the whole Trust: progress and outcomes per line manager');
    expect(text).toContain(`Started ${testDate()}, due ${due}`);
    expect(text).toContain('The review is open, overdue: 3 of 6 accounts answered.');
    expect(text).toMatch(/Ken Kay\s+1\s+0\s+0\s+0\s+0\s+1\s+1\s+1\s+Ben Boss/);
    expect(text).toContain(`Audit head at export: event ${pdf.anchor.seq}`);

    const events = await must<{ events: { action: string; subjectLabel: string; after: unknown }[] }>(
      core,
      'audit:list',
      { action: 'report.exported' },
    );
    expect(events.events.map((e) => [e.subjectLabel, e.after])).toEqual([
      ['Report of the access review of the whole Trust', { format: 'pdf', fileName: pdf.fileName, rows: 5 }],
      ['Report of the access review of the whole Trust', { format: 'csv', fileName: csv.fileName, rows: 5 }],
      ['Report of the access review of the whole Trust', { format: 'csv', fileName: csv.fileName, rows: 5 }],
    ]);
    expect(
      await core.call('reviews:report', { campaignId: crypto.randomUUID(), format: 'csv' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'That access review is not in Gatehouse. Refresh the list.' },
    });
  });
});
