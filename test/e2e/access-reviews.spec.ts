import { expectAccessible } from './support/accessibility';
import { expect, test } from './support/gatehouse-fixture';
import {
  acknowledgeAcceptableUse,
  addPerson,
  createFirstAdministrator,
  openScreen,
  registerAccount,
} from './support/screens';
import { fillDate } from './support/date-input';

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
  await list.getByLabel('Answer for Sam Patel, RiO').selectOption({ label: 'Keep' });
  await list.getByRole('button', { name: 'Record answer for Sam Patel, RiO' }).click();
  await expect(page.getByRole('status')).toHaveText(
    'Sam Patel’s RiO account is kept. Every account is answered: the review of the whole Trust is closed.',
  );
  await expect(page.getByRole('region', { name: 'Review of the whole Trust' })).toContainText(
    'Closed; due 2026-12-14; 1 of 1 account answered.',
  );
});
