import { expectAccessible } from './support/accessibility';
import { expect, test } from './support/gatehouse-fixture';
import {
  acknowledgeAcceptableUse,
  addPerson,
  createFirstAdministrator,
  openPerson,
  openScreen,
  registerAccount,
} from './support/screens';
import { fillDate } from './support/date-input';

test('define an access profile, accept an ESR starter, see the proposed requests, record one authorisation for all', async ({
  page,
  gatehouse,
}) => {
  await page.goto(gatehouse.url);
  await createFirstAdministrator(page);
  await acknowledgeAcceptableUse(page);

  // Someone already in the position, with none of its accounts, for "try before save".
  await openScreen(page, 'People');
  await page.getByLabel('Full name').fill('Lee Chan');
  await page.getByLabel('Job role').fill('Healthcare Assistant');
  await page.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lee Chan' })).toBeVisible();

  await openScreen(page, 'Access profiles');
  await expect(page.getByText('No access profiles yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Add an access profile' }).click();
  const form = page.getByRole('region', { name: 'Add an access profile' });
  // A refusal is marked on its field and linked from the summary (issue 12 §4).
  await form.getByRole('button', { name: 'Save profile' }).click();
  await form
    .getByRole('alert')
    .getByRole('link', { name: 'A profile proposes at least one account.' })
    .click();
  await expect(form.getByLabel('System for account 1')).toBeFocused();
  await expect(form.getByLabel('System for account 1')).toHaveAttribute('aria-invalid', 'true');
  await form.getByLabel('Job role').fill('Healthcare Assistant');
  await form.getByLabel('System for account 1').selectOption({ label: 'RiO' });
  await form.getByLabel('Role for account 1').selectOption({ label: 'Clinician' });
  await form.getByRole('button', { name: 'Add another account' }).click();
  await form.getByLabel('System for account 2').selectOption({ label: 'HealthRoster' });
  await form.getByLabel('Role for account 2').selectOption({ label: 'Employee online' });
  await form.getByRole('button', { name: 'Try against the register' }).click();
  await expect(form.getByRole('status')).toContainText(
    '1 person matches; 1 of them lacks an account it proposes.',
  );
  await expect(form.getByRole('status')).toContainText(
    'Lee Chan: lacks RiO (Clinician), HealthRoster (Employee online)',
  );
  // A finding, not a success: inset text rather than the success banner.
  await expect(form.getByRole('status')).not.toContainText('Success');
  await expectAccessible(page, 'Access profiles');
  await form.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByRole('status')).toHaveText('The profile is saved with 2 accounts.');
  await expect(page.getByRole('row', { name: /Healthcare Assistant/ })).toContainText('RiO: Clinician');

  await openScreen(page, 'ESR feed');
  await page.getByLabel('ESR change file').setInputFiles({
    name: 'esr-december.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      'Change Type,Employee Number,Name,Job Title,Team,Effective Date\r\n' +
        'Starter,E1000,Sam Patel,Healthcare Assistant,Ward 5,01/12/2026\r\n',
    ),
  });
  const starter = page.getByRole('region', { name: 'Starter: Sam Patel (E1000), 2026-12-01' });
  await starter.getByRole('button', { name: 'Accept starter' }).click();
  await expect(page.getByRole('status')).toContainText(
    'Its access profiles propose HealthRoster (Employee online), RiO (Clinician)',
  );

  await openPerson(page, 'Sam Patel');
  const access = page.getByRole('region', { name: 'Access by position' });
  await expect(access.getByRole('table', { name: /propose/ })).toContainText(
    'Proposed by the profile for Healthcare Assistant (matched on job role)',
  );
  const open = access.getByRole('table', { name: 'Open requests' });
  await expect(open.getByRole('row', { name: /RiO/ })).toContainText('Awaiting authorisation');
  await expect(open.getByRole('row', { name: /HealthRoster/ })).toContainText('Awaiting authorisation');
  await expectAccessible(page, 'Person (access by position)');

  const authorise = access.getByRole('form', { name: 'Record one authorisation for all' });
  await authorise.getByLabel('Authorised by (line manager)').fill('Ngozi Okafor');
  await fillDate(authorise, 'Authorised on', '2026-11-23');
  await authorise.getByRole('button', { name: 'Record authorisation for all 3' }).click();
  await expect(page.getByRole('status')).toContainText(
    'Ngozi Okafor’s authorisation is recorded on 3 requests (REG-2).',
  );
  await expect(open.getByRole('row', { name: /RiO/ })).toContainText('Ready to set up');

  await openScreen(page, 'Requests');
  await expect(page.getByRole('row', { name: /ESR-E1000.*RiO/ })).toBeVisible();

  // Removing a profile cannot be undone: it says what stops and asks first (issue 12 §3).
  await openScreen(page, 'Access profiles');
  await page.getByRole('button', { name: /^Remove the profile for Healthcare Assistant/ }).click();
  await expect(
    page.getByRole('heading', { name: /^Remove the profile for Healthcare Assistant.*\?$/ }),
  ).toBeFocused();
  await expect(page.getByRole('list', { name: 'What will happen' })).toContainText(
    'RiO (Clinician), HealthRoster (Employee online)',
  );
  await expect(page.getByRole('row', { name: /Healthcare Assistant/ })).toBeVisible();
  await expectAccessible(page, 'Access profiles (remove: what will happen)');
  await page.getByRole('button', { name: 'Remove profile', exact: true }).click();
  await expect(page.getByRole('status')).toBeVisible();
  await expect(page.getByText('No access profiles yet.')).toBeVisible();
});

test('an ESR mover’s review requests the new position’s accounts, each waiting for authorisation (issue 13 §2)', async ({
  page,
  gatehouse,
}) => {
  await page.goto(gatehouse.url);
  await createFirstAdministrator(page);
  await acknowledgeAcceptableUse(page);
  await addPerson(page, 'Kofi Boateng', { employeeNumber: 'E2000', team: 'Podiatry' });
  await registerAccount(page, 'Kofi Boateng', 'RiO', 'Clinician', 'SD-7001');

  await openScreen(page, 'Access profiles');
  await page.getByRole('button', { name: 'Add an access profile' }).click();
  const form = page.getByRole('region', { name: 'Add an access profile' });
  await form.getByLabel('Job role').fill('Ward Manager');
  await form.getByLabel('System for account 1').selectOption({ label: 'HealthRoster' });
  await form.getByLabel('Role for account 1').selectOption({ label: 'Roster approver' });
  await form.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByRole('status')).toHaveText('The profile is saved with 1 account.');

  await openScreen(page, 'ESR feed');
  await page.getByLabel('ESR change file').setInputFiles({
    name: 'esr-december.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      'Change Type,Employee Number,Name,Job Title,Team,Effective Date\r\n' +
        'Mover,E2000,,Ward Manager,Ward 5,01/12/2026\r\n',
    ),
  });
  const mover = page.getByRole('region', { name: 'Mover: Kofi Boateng (E2000), 2026-12-01' });
  await mover.getByRole('button', { name: 'Review access' }).click();
  await expect(mover.getByRole('table', { name: /propose/ })).toContainText('HealthRoster');
  await expect(mover.getByText('Accounts to add are requested when the review is recorded')).toBeVisible();
  await mover.getByLabel('Change authorised by (line manager)').fill('Ngozi Okafor');
  await fillDate(mover, 'Change authorised on', '2026-11-20');
  await mover.getByRole('button', { name: 'Record review' }).click();
  await expect(page.getByRole('status')).toHaveText(
    'Kofi Boateng’s move is recorded: RiO (Clinician): kept. The new position’s access profiles add HealthRoster (Roster approver): a request waits for the line manager’s authorisation (REG-2).',
  );

  await openPerson(page, 'Kofi Boateng');
  const open = page
    .getByRole('region', { name: 'Access by position' })
    .getByRole('table', { name: 'Open requests' });
  await expect(open.getByRole('row', { name: /HealthRoster/ })).toContainText('Awaiting authorisation');
});
