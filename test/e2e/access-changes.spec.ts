import { expectAccessible } from './support/accessibility';
import { expect, test } from './support/gatehouse-fixture';
import {
  acknowledgeAcceptableUse,
  addPerson,
  createFirstAdministrator,
  openPerson,
  registerAccount,
} from './support/screens';
import { fillDate } from './support/date-input';

test.beforeEach(async ({ page, gatehouse }) => {
  await page.goto(gatehouse.url);
  await createFirstAdministrator(page);
  await acknowledgeAcceptableUse(page);
  await addPerson(page, 'Lee Morgan', { employeeNumber: '20480002' });
});

test('suspend an account for an investigation, then lift it (SUS-1, SUS-3, SUS-4)', async ({ page }) => {
  await registerAccount(page, 'Lee Morgan', 'RiO', 'Clinician', 'SD-2001');
  await openPerson(page, 'Lee Morgan');
  await page.getByRole('button', { name: 'Suspend RiO' }).click();
  const form = page.getByRole('form', { name: 'Suspend RiO account' });
  await form
    .getByLabel('Reason for suspending')
    .selectOption({ label: 'Investigation of a security incident' });
  await form.getByLabel('Instructed by').fill('Dr Amara Director');
  await form.getByLabel('Who they are').selectOption({ label: 'Director' });
  await form.getByLabel('Urgent: takes effect at once (SUS-4)').check();
  await fillDate(form, 'Review on', '2027-01-15');
  await form.getByRole('button', { name: 'Suspend account' }).click();
  await expect(page.getByRole('status')).toContainText(
    'RiO account suspended at once; review on 2027-01-15.',
  );
  await expect(page.getByRole('row', { name: /^RiO/ })).toContainText('Suspended');
  const parts = page.getByRole('navigation', { name: 'Parts of the record' });
  await parts.getByRole('link', { name: 'Suspensions (1)' }).click();
  await expect(page.getByRole('region', { name: 'Suspensions in force' })).toContainText(
    'instructed by Dr Amara Director',
  );
  await expectAccessible(page, 'person with a suspension');

  await page.getByRole('button', { name: 'Lift RiO suspension' }).click();
  const lift = page.getByRole('form', { name: 'Lift RiO suspension' });
  await lift.getByLabel('Reason for lifting').fill('Investigation closed: no case to answer');
  await lift.getByRole('button', { name: 'Lift suspension' }).click();
  await expect(page.getByRole('status')).toContainText('Suspension of the RiO account lifted.');
  await parts.getByRole('link', { name: /^Accounts/ }).click();
  await expect(page.getByRole('row', { name: /^RiO/ })).toContainText('Active');
});

test('de-register one account only after checking what will happen to it (DIS-1, issue 12 §3)', async ({
  page,
}) => {
  await registerAccount(page, 'Lee Morgan', 'RiO', 'Clinician', 'SD-2006');
  await openPerson(page, 'Lee Morgan');
  await page.getByRole('button', { name: 'De-register RiO' }).click();
  await expect(page.getByRole('heading', { name: 'De-register Lee Morgan’s RiO account' })).toBeFocused();
  const form = page.getByRole('form', { name: 'De-register RiO account' });
  await form.getByLabel('Reason for de-registering').selectOption({ index: 1 });
  await form.getByLabel('Instructed by').fill('Ngozi Okafor');
  await form.getByRole('button', { name: 'Continue' }).click();
  const check = page.getByRole('region', { name: 'De-register Lee Morgan’s RiO account?' });
  await expect(check.getByRole('heading', { name: 'De-register Lee Morgan’s RiO account?' })).toBeFocused();
  await expect(check.getByRole('list', { name: 'What will happen' })).toContainText(
    'The RiO account will be',
  );
  await expect(page.getByRole('row', { name: /^RiO/ })).toContainText('Active');
  await expectAccessible(page, 'de-register check');
  await check.getByRole('button', { name: 'De-register RiO account' }).click();
  await expect(page.getByRole('status')).toContainText('RiO account');
  await expect(page.getByRole('row', { name: /^RiO/ })).not.toContainText('Active');
  await expect(page.getByRole('button', { name: 'De-register RiO' })).toHaveCount(0);
});

test('de-register a leaver across all systems, with EMIS flagged disabled rather than deleted (DIS-2, DIS-3)', async ({
  page,
}) => {
  await registerAccount(page, 'Lee Morgan', 'EMIS', 'Clinician', 'SD-2002');
  await registerAccount(page, 'Lee Morgan', 'ELFT Network Access', 'Standard user', 'SD-2003');
  await openPerson(page, 'Lee Morgan');
  await page.getByRole('link', { name: 'De-register as a leaver' }).click();
  const leaver = page.getByRole('region', { name: 'De-register as a leaver' });
  await leaver.getByRole('button', { name: 'Continue' }).click();
  await expect(leaver.getByRole('alert').getByRole('link')).toHaveCount(2);
  await fillDate(leaver, 'Leaving date', '2026-11-30');
  await leaver.getByLabel('Learned from').selectOption({ label: 'The HR leavers report' });
  await leaver.getByLabel('Instructed by').fill('HR leavers report, November');
  await leaver.getByRole('button', { name: 'Continue' }).click();
  const consequences = page.getByRole('list', { name: 'What will happen' });
  await expect(consequences).toContainText(
    /EMIS \(Clinician, [\w-]+\): flagged disabled \(cannot be deleted\)/,
  );
  await expect(consequences).toContainText(/ELFT Network Access \(Standard user, [\w-]+\): deleted/);
  await expectAccessible(page, 'leaver check');
  await page.getByRole('button', { name: 'De-register leaver' }).click();
  const status = page.getByRole('status');
  await expect(status).toContainText('EMIS (Clinician): flagged disabled (cannot be deleted)');
  await expect(status).toContainText('ELFT Network Access (Standard user): deleted');
  await expect(page.getByRole('row', { name: /^EMIS/ })).toContainText('Disabled');
  await expect(page.getByRole('row', { name: /^ELFT Network Access/ })).toContainText('Deleted');
  await expect(page.getByText('Left the Trust on 2026-11-30')).toBeVisible();
  await expectAccessible(page, 'leaver');
});

test('review a mover’s access: keep, change role, remove (CHG-1, CHG-2)', async ({ page }) => {
  await registerAccount(page, 'Lee Morgan', 'RiO', 'Clinician', 'SD-2004');
  await registerAccount(page, 'Lee Morgan', 'ePMA', 'Prescriber', 'SD-2005');
  await openPerson(page, 'Lee Morgan');
  await page.getByRole('link', { name: 'Review access for a move' }).click();
  const review = page.getByRole('region', { name: 'Review access for a move' });
  await review.getByLabel('New team').fill('Inpatient Ward A');
  await review.getByLabel('Change authorised by (line manager)').fill('Ngozi Okafor');
  await fillDate(review, 'Change authorised on', '2026-11-20');
  await review.getByLabel('Decision for RiO').selectOption({ label: 'Change role' });
  await review.getByLabel('New RiO role').selectOption({ label: 'Clinical administrator' });
  await review.getByLabel('Decision for ePMA').selectOption({ label: 'Remove' });
  await review.getByRole('button', { name: 'Record review' }).click();
  const status = page.getByRole('status');
  await expect(status).toContainText('RiO (Clinician): role change raised');
  await expect(status).toContainText('ePMA (Prescriber): flagged disabled (cannot be deleted)');
  await expect(page.getByText('Inpatient Ward A')).toBeVisible();
});
