import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Campaign } from '../../../shared/access-reviews';
import { giveAccount } from '../../support/register-fixtures';
import { initStore, runGatehouse } from '../../support/run-cli';
import { TEST_NOW, testDate } from '../../support/test-clock';
import { must, signedInCore, tempDir } from '../../support/temp-core';

const PAST_DUE = new Date(TEST_NOW.getTime() + 15 * 86_400_000);

/** A Trust-wide review due in 14 days: Sam's RiO account, for Ngozi, whose own manager is Sara. */
async function reviewStarted() {
  const dir = tempDir();
  const as = initStore(dir);
  const core = await signedInCore(join(dir, 'store'), {
    name: 'Ada Admin',
    passphrase: 'lantern orchard quietly 42',
  });
  const add = (name: string, extra: Record<string, unknown> = {}) =>
    must<{ id: string }>(core, 'people:create', { name, employmentType: 'permanent', ...extra });
  const sara = await add('Sara Senior', { email: 'sara.senior@nhs.example' });
  const ngozi = await add('Ngozi Okafor', { lineManagerId: sara.id });
  const sam = await add('Sam Patel', { lineManagerId: ngozi.id });
  giveAccount(core, sam.id, 'rio', 'Clinician');
  const campaign = await must<Campaign>(core, 'reviews:start', {
    scope: { kind: 'trust' },
    dueOn: testDate(14),
  });
  core.close();
  return { dir, as, campaign };
}

describe('gatehouse review escalate (issue 13 §3)', () => {
  it('escalates past the due date and writes one draft per senior manager, never over a file', async () => {
    const { dir, as, campaign } = await reviewStarted();
    expect(runGatehouse(['review', 'status', ...as]).stdout).toBe(
      `the whole Trust: open, due ${testDate(14)}; 0 of 1 account answered (--campaign ${campaign.id}).\n`,
    );
    const out = join(dir, 'escalation');
    const args = ['review', 'escalate', '--campaign', campaign.id, '--out', out, ...as];
    expect(runGatehouse(args)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining(
        `The review is due on ${testDate(14)}; escalate only what is unanswered after that.`,
      ),
    });
    expect(existsSync(out)).toBe(false);

    const draft = join(out, `access-review-escalation-${testDate(14)}-001-sara-senior.eml`);
    expect(runGatehouse(args, '', {}, PAST_DUE)).toMatchObject({
      code: 0,
      stdout: `Escalated 1 unanswered account in the access review of the whole Trust to Sara Senior.\nEmail drafts written to ${out}:\n  ${draft}\n`,
    });
    const eml = readFileSync(draft, 'utf8');
    expect(eml).toContain('To: Sara Senior <sara.senior@nhs.example>');
    expect(eml).toContain('- Sam Patel: RiO (Clinician)');

    // Again into the same folder: the draft is already there, and is not overwritten.
    expect(runGatehouse(args, '', {}, PAST_DUE)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining(`${draft} already exists; choose an empty --out folder.`),
    });
    expect(readFileSync(draft, 'utf8')).toBe(eml);
    expect(runGatehouse(['review', 'escalate', ...as], '', {}, PAST_DUE)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Name the review with --campaign ID'),
    });
  });
});

describe('gatehouse review report (issue 13 §3)', () => {
  it('writes the review’s report as CSV with its audit anchor, or as PDF, to new files only', async () => {
    const { dir, as, campaign } = await reviewStarted();
    const csv = join(dir, 'review.csv');
    const report = (format: string, out: string) =>
      runGatehouse(['review', 'report', '--campaign', campaign.id, '--format', format, '--out', out, ...as]);
    expect(report('csv', csv)).toMatchObject({
      code: 0,
      stdout: `Wrote the access review report (2 rows) to ${csv}, its audit anchor to ${join(dir, 'review.anchor.json')}.\n`,
    });
    expect(readFileSync(csv, 'utf8')).toBe(
      '\uFEFFLine manager,Accounts,Answered,Kept,Removed,Role changed,Unanswered,Escalated,Overdue,Escalated to\r\n' +
        'Ngozi Okafor,1,0,0,0,0,1,0,0,\r\n' +
        'All line managers,1,0,0,0,0,1,0,0,\r\n',
    );
    expect(JSON.parse(readFileSync(join(dir, 'review.anchor.json'), 'utf8'))).toMatchObject({
      format: 'gatehouse-audit-anchor',
    });
    expect(report('csv', csv)).toMatchObject({ code: 2, stderr: expect.stringContaining('already exists') });
    const pdf = join(dir, 'review.pdf');
    expect(report('pdf', pdf)).toMatchObject({ code: 0 });
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(report('xlsx', join(dir, 'review.xlsx'))).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--format is csv or pdf (got "xlsx")'),
    });
  });
});
