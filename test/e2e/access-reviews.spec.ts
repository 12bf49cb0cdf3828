import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { TEST_NOW, testDate } from '../support/test-clock';
import { expectAccessible } from './support/accessibility';
import { expect, test } from './support/gatehouse-fixture';
import {
  acknowledgeAcceptableUse,
  ADMIN,
  addPerson,
  createFirstAdministrator,
  openScreen,
  registerAccount,
  signIn,
} from './support/screens';
import { fillDate } from './support/date-input';

const PAST_DUE = new Date(TEST_NOW.getTime() + 15 * 86_400_000);
const OVERDUE_REVIEW_STORE = fileURLToPath(new URL('support/overdue-review-store.ts', import.meta.url));

test('start a Trust-wide access review, record the line manager’s answer, and see it close', async ({
  page,
  gatehouse,
}) => {
  await page.goto(gatehouse.url);
  await createFirstAdministrator(page);
  await acknowledgeAcceptableUse(page);
  await addPerson(page, 'Sam Patel', { employeeNumber: 'E1000', team: 'Ward 5' });
  await registerAccount(page, 'Sam Patel', 'RiO', 'Clinician', 'SD-1');

  await openScreen(page, 'Access reviews');
  const start = page.getByRole('form', { name: 'Start an access review' });
  await fillDate(start, 'Due by', '2026-12-14');
  await start.getByRole('button', { name: 'Start review' }).click();
  await expect(page.getByRole('status')).toHaveText(
    'The access review of the whole Trust is started: 1 account, due 2026-12-14.',
  );
  const review = page.getByRole('region', { name: 'Review of the whole Trust' });
  await expect(review).toContainText('Open; due 2026-12-14; 0 of 1 account answered.');
  await review.getByRole('button', { name: 'Record answers for No line manager recorded' }).click();
  const list = review.getByRole('region', { name: 'No line manager recorded’s list' });
  await list.getByLabel('Answered by (line manager)').fill('Ngozi Okafor');
  await fillDate(list, 'Answered on', '2026-11-23');
  await expectAccessible(page, 'Access reviews');
  // The answer opens below the list, not in the row (issue 12 §2).
  await list.getByRole('button', { name: 'Answer for Sam Patel, RiO' }).click();
  const answer = list.getByRole('form', { name: 'Answer for Sam Patel, RiO' });
  await answer.getByRole('button', { name: 'Record answer' }).click();
  await expect(list.getByRole('alert').getByRole('link')).toHaveText('Choose the line manager’s answer.');
  await answer.getByLabel('Keep').check();
  await answer.getByRole('button', { name: 'Record answer' }).click();
  await expect(page.getByRole('status')).toHaveText(
    'Sam Patel’s RiO account is kept. Every account is answered: the review of the whole Trust is closed.',
  );
  await expect(page.getByRole('region', { name: 'Review of the whole Trust' })).toContainText(
    'Closed; due 2026-12-14; 1 of 1 account answered.',
  );
});

test.describe('an access review past its due date', () => {
  test.use({
    hostNow: PAST_DUE,
    // Started two weeks earlier, with the same administrator the screens sign in as.
    prepareStore: async ({}, use) => {
      await use(async (dataDir: string) => {
        const made = spawnSync(process.execPath, ['--import', 'tsx', OVERDUE_REVIEW_STORE, dataDir], {
          encoding: 'utf8',
        });
        expect(made.status, made.stderr).toBe(0);
      });
    },
  });

  test('remove an account on the manager’s answer: what will happen is shown first (issue 12 §3)', async ({
    page,
    gatehouse,
  }) => {
    await page.goto(gatehouse.url);
    await signIn(page, ADMIN);
    await acknowledgeAcceptableUse(page);
    await openScreen(page, 'Access reviews');
    const review = page.getByRole('region', { name: 'Review of the whole Trust' });
    await review.getByRole('button', { name: 'Record answers for Ngozi Okafor' }).click();
    const list = review.getByRole('region', { name: 'Ngozi Okafor’s list' });
    await fillDate(list, 'Answered on', testDate(14));
    await list.getByRole('button', { name: 'Answer for Sam Patel, EMIS' }).click();
    const answer = list.getByRole('form', { name: 'Answer for Sam Patel, EMIS' });
    await answer.getByLabel('Remove').check();
    await answer.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('heading', { name: 'Remove Sam Patel’s EMIS account?' })).toBeFocused();
    await expect(list.getByRole('list', { name: 'What will happen' })).toContainText(
      'The EMIS account will be flagged disabled (cannot be deleted), on Ngozi Okafor’s instruction (DIS-1).',
    );
    await expectAccessible(page, 'Access reviews (remove: what will happen)');
    await list.getByRole('button', { name: 'Remove Sam Patel’s EMIS account' }).click();
    // The list stays open, with what happened at its top, for the manager's next answer.
    await expect(list.getByRole('region', { name: 'Success' })).toBeFocused();
    await expect(list.getByRole('status')).toContainText('EMIS');
    await expect(list.getByRole('row', { name: /Sam Patel EMIS/ })).toContainText('Remove (Ngozi Okafor)');
    await expect(review).toContainText('1 of 2 accounts answered.');
    await list.getByRole('button', { name: 'Answer for Sam Patel, RiO' }).click();
    const next = list.getByRole('form', { name: 'Answer for Sam Patel, RiO' });
    await next.getByLabel('Keep').check();
    await next.getByRole('button', { name: 'Record answer' }).click();
    await expect(page.getByRole('status')).toHaveCount(1);
    await expect(review.getByRole('status')).toContainText('Sam Patel’s RiO account is kept.');
    await expect(review).toContainText('2 of 2 accounts answered.');
  });

  test('escalate it, download the senior manager’s draft, see what is escalated, and download the report', async ({
    page,
    gatehouse,
  }) => {
    await page.goto(gatehouse.url);
    await signIn(page, ADMIN);
    await acknowledgeAcceptableUse(page);
    await openScreen(page, 'Access reviews');
    const review = page.getByRole('region', { name: 'Review of the whole Trust' });
    await expect(review).toContainText(`Open, overdue; due ${testDate(14)}; 0 of 2 accounts answered.`);
    await review.getByRole('button', { name: 'Escalate overdue' }).click();
    await expect(page.getByRole('status')).toHaveText('2 unanswered accounts escalated to Sara Senior.');

    const [draft] = await Promise.all([
      page.waitForEvent('download'),
      review.getByRole('button', { name: 'Download escalation drafts' }).click(),
    ]);
    expect(draft.suggestedFilename()).toBe(`access-review-escalation-${testDate(14)}-001-sara-senior.eml`);
    expect(readFileSync(await draft.path(), 'utf8')).toContain('To: Sara Senior <sara.senior@nhs.example>');
    await expect(page.getByRole('status')).toHaveText(
      'Downloaded 1 escalation email draft (for Sara Senior).',
    );

    await review.getByRole('button', { name: 'Record answers for Ngozi Okafor' }).click();
    const list = review.getByRole('region', { name: 'Ngozi Okafor’s list' });
    await expect(list.getByRole('row', { name: /Sam Patel RiO/ })).toContainText('Escalated to Sara Senior');
    await expectAccessible(page, 'Access reviews (escalated)');

    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      review.getByRole('button', { name: 'Download report (CSV)' }).click(),
    ]);
    expect(csv.suggestedFilename()).toBe(`gatehouse-access-review-the-whole-trust-${testDate(14)}.csv`);
    expect(readFileSync(await csv.path(), 'utf8')).toContain(
      'Ngozi Okafor,2,0,0,0,0,2,2,2,Sara Senior\r\nAll line managers,2,0,0,0,0,2,2,2,\r\n',
    );
    await expect(review.getByRole('button', { name: 'Download audit anchor' })).toBeVisible();
    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      review.getByRole('button', { name: 'Download report (PDF)' }).click(),
    ]);
    expect(pdf.suggestedFilename()).toBe(`gatehouse-access-review-the-whole-trust-${testDate(14)}.pdf`);
    await expect(review.getByRole('status')).toContainText('The export is recorded in the audit trail.');
  });
});
