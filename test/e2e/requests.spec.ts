import { expectAccessible } from './support/accessibility';
import { expect, test } from './support/gatehouse-fixture';
import {
  acknowledgeAcceptableUse,
  addPerson,
  createFirstAdministrator,
  openScreen,
  recordRequest,
} from './support/screens';
import { fillDate } from './support/date-input';

test('register a new RiO user from request to completed task, with each refusal shown', async ({
  page,
  gatehouse,
}) => {
  await page.goto(gatehouse.url);
  await createFirstAdministrator(page);
  await acknowledgeAcceptableUse(page);
  await addPerson(page, 'Sam Patel', { employeeNumber: '20480001' });

  // Received without the line manager's authorisation: it waits (REG-2).
  await recordRequest(page, {
    reference: 'SD-1001',
    person: 'Sam Patel',
    system: 'RiO',
    role: 'Clinician',
    purpose: 'Crisis team caseload',
  });
  await expect(page.getByRole('heading', { level: 1, name: 'Request SD-1001' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Waiting for' })).toContainText(
    'line manager’s authorisation (REG-2)',
  );
  await expectAccessible(page, 'request');

  const authorise = page.getByRole('region', { name: 'Record the authorisation' });
  await authorise.getByLabel('Authorised by').fill('Ngozi Okafor');
  await fillDate(authorise, 'Authorised on', '2026-11-20');
  await authorise.getByRole('button', { name: 'Record authorisation' }).click();
  await expect(page.getByRole('status')).toContainText('Authorisation recorded.');
  await expect(page.getByText('Ready to set up')).toBeVisible();

  await openScreen(page, 'Requests');
  await expect(page.getByRole('row', { name: /SD-1001/ })).toContainText('Ready to set up');
  await expectAccessible(page, 'requests');
  // The queue filters and sorts (issue 12 §5): most urgent first by default.
  const filters = page.getByRole('search', { name: 'Filter requests' });
  await filters.getByLabel('System').selectOption('RiO');
  await expect(page.getByRole('row', { name: /SD-1001/ })).toBeVisible();
  await filters.getByLabel('Person').fill('nobody');
  await expect(page.getByRole('row', { name: /SD-1001/ })).toHaveCount(0);
  await filters.getByLabel('Person').fill('');
  await expect(page.getByRole('columnheader', { name: /Registration standard/ })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );
  await page.getByRole('button', { name: 'Reference' }).click();
  await expect(page.getByRole('columnheader', { name: /Reference/ })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );
  // This workstation keeps the sorting and the last screen (issue 12 §1): Home offers the way back,
  // and the queue opens sorted as it was left.
  await openScreen(page, 'Home');
  await page.getByRole('link', { name: 'Carry on where this workstation left off: Requests' }).click();
  await expect(page.getByRole('columnheader', { name: /Reference/ })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );
  await page
    .getByRole('button', { name: 'Complete: Create a RiO account (Clinician) for Sam Patel' })
    .click();
  const form = page.getByRole('form', { name: 'Complete: Create a RiO account (Clinician) for Sam Patel' });
  await form.getByLabel('Username created').fill('spatel');
  await form.getByLabel('Login details issued to the person').check();
  await form.getByLabel('Must change password at first login is set').check();
  await form.getByRole('button', { name: 'Mark done' }).click();
  await expect(form.getByRole('alert')).toContainText(
    'Arrange training or sign-post the person to it before completing the set-up (REG-6).',
  );
  await form.getByLabel('Training arranged or sign-posted').check();
  await form.getByRole('button', { name: 'Mark done' }).click();
  await expect(page.getByRole('status')).toContainText(
    'Done: Create a RiO account (Clinician) for Sam Patel.',
  );
  await expect(page.getByText('No tasks are waiting.')).toBeVisible();
  // The request's new state shows at once, without leaving the screen (issue 12 §3).
  await expect(page.getByRole('row', { name: /SD-1001/ })).toHaveCount(0);
  await page.getByLabel('Include completed, rejected and withdrawn requests').check();
  await expect(page.getByRole('row', { name: /SD-1001/ })).toContainText('Completed');

  await openScreen(page, 'People');
  await page.getByLabel('Search people').fill('spatel');
  await page
    .getByRole('listbox', { name: 'People found' })
    .getByRole('option', { name: 'Sam Patel' })
    .click();
  await expect(page.getByRole('row', { name: /^RiO/ })).toContainText('Active');
  await expect(page.getByRole('row', { name: /^RiO/ })).toContainText('spatel');

  // A second RiO account is refused (REG-4).
  await recordRequest(page, {
    reference: 'SD-1002',
    person: 'Sam Patel',
    system: 'RiO',
    role: 'Read only',
    purpose: 'Second login',
    authorisedBy: 'Ngozi Okafor',
  });
  await expect(page.getByRole('alert')).toContainText('Sam Patel already has an account on RiO (REG-4');

  // Secondary use of Connecting Care is refused (REG-9).
  await recordRequest(page, {
    reference: 'SD-1003',
    person: 'Sam Patel',
    system: 'Connecting Care',
    role: 'Clinical user',
    purpose: 'Outcomes research',
    purposeKind: 'Secondary use (research, audit outside direct care)',
    authorisedBy: 'Ngozi Okafor',
  });
  await expect(page.getByRole('alert')).toContainText('Connecting Care is for direct care only (REG-9)');
  await expectAccessible(page, 'new request');
});

test('an empty request lists every missing answer at once, in the words of the form (issue 12 §4)', async ({
  page,
  gatehouse,
}) => {
  await page.goto(gatehouse.url);
  await createFirstAdministrator(page);
  await acknowledgeAcceptableUse(page);
  await openScreen(page, 'Requests');
  await page.getByRole('link', { name: 'Record a new request' }).click();
  await page.getByRole('button', { name: 'Record request' }).click();
  const summary = page.getByRole('alert');
  await expect(summary.getByRole('link', { name: 'Give the service-desk reference (REG-1).' })).toBeVisible();
  await expect(summary.getByRole('link', { name: 'Choose the person from the list.' })).toBeVisible();
  await expect(summary.getByRole('link', { name: 'Choose the system.' })).toBeVisible();
  await expect(summary).not.toContainText(/systemId|personId|Too small|expected/);
  await expectAccessible(page, 'request refused');
  await summary.getByRole('link', { name: 'Choose the system.' }).click();
  await expect(page.getByLabel('System', { exact: true })).toBeFocused();
  await expect(page.getByLabel('System', { exact: true })).toHaveAttribute('aria-invalid', 'true');

  // An impossible authorisation date is refused on its field, with its link landing on Day (issue 12 §1).
  await page.getByLabel('Authorised by').fill('Ngozi Okafor');
  await fillDate(page, 'Authorised on', '2027-02-31');
  await page.getByRole('button', { name: 'Record request' }).click();
  const authorisedOn = page.getByRole('group', { name: 'Authorised on' });
  await expect(authorisedOn).toContainText('Authorised on must be a real date, for example 27 3 2027.');
  await expect(authorisedOn.getByLabel('Day')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'request with an impossible date');
  // The summary's words come from main, which also serves the command line (ISO dates).
  await page.getByRole('alert').getByRole('link', { name: 'Use a date like 2026-11-23.' }).click();
  await expect(authorisedOn.getByLabel('Day')).toBeFocused();
});
