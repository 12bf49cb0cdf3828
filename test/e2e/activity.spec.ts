import { reportFile } from '../support/report-files';
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

test('import last sign-ins, link an orphan account, and send line managers the inactivity notice (SUS-2)', async ({
  page,
  gatehouse,
}) => {
  await page.goto(gatehouse.url);
  await createFirstAdministrator(page);
  await acknowledgeAcceptableUse(page);
  await addPerson(page, 'Sam Patel', { employeeNumber: '1001' });
  await addPerson(page, 'Ama Mensah', { employeeNumber: '1002' });
  await registerAccount(page, 'Sam Patel', 'RiO', 'Clinician', 'SD-1');

  await openScreen(page, 'Sign-in activity');
  await page.getByLabel('System the export comes from').selectOption({ label: 'RiO' });
  await page.getByLabel('Last sign-in export').setInputFiles({
    name: 'rio-logons.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Login,Last Logon\r\nsam-SD-1,01/06/2026\r\nghost.user,2026-09-01\r\n'),
  });
  await expect(page.getByRole('status')).toContainText('Updated the last sign-in of 1 account');
  const orphan = page.getByRole('listitem', { name: 'ghost.user on RiO' });
  await expect(orphan).toContainText('last sign-in 2026-09-01');
  await expectAccessible(page, 'sign-in activity');

  await orphan.getByRole('button', { name: 'Link to a person' }).click();
  await orphan.getByLabel('Find the account holder').fill('Ama');
  await orphan.getByRole('button', { name: 'Choose Ama Mensah' }).click();
  await orphan.getByLabel('Role on the system').selectOption({ label: 'Clinician' });
  await orphan.getByRole('button', { name: 'Link account' }).click();
  await expect(page.getByRole('status')).toHaveText(
    'ghost.user on RiO is now Ama Mensah’s Clinician account in the register.',
  );
  await expect(page.getByText('No orphan accounts to deal with.')).toBeVisible();

  await openScreen(page, 'Inactivity review');
  await fillDate(page, 'Review as of', '2026-11-22');
  await page.getByRole('button', { name: 'Run the inactivity review' }).click();
  await expect(page.getByRole('status')).toContainText(
    'As of 2026-11-22: 1 account newly notified to 1 line manager; 0 suspensions proposed',
  );
  await expectAccessible(page, 'inactivity review');
  // Sam has no line manager with an email address: no draft to nobody, but a line saying so (issue 10 §5).
  await expect(
    page.getByRole('region', { name: 'Line managers who need an email address' }).getByRole('listitem'),
  ).toHaveText('No line manager recorded: 1 account (needs an email address)');
  await expect(page.getByRole('button', { name: /Download the email/ })).toHaveCount(0);

  await openPerson(page, 'Ama Mensah');
  await expect(page.getByRole('row', { name: /^RiO/ })).toContainText('ghost.user');
});

test('a sign-in report with a title, total and marking: the import says what it skipped (issue 9 §5)', async ({
  page,
  gatehouse,
}) => {
  await page.goto(gatehouse.url);
  await createFirstAdministrator(page);
  await acknowledgeAcceptableUse(page);
  await openScreen(page, 'Sign-in activity');
  await page.getByLabel('System the export comes from').selectOption({ label: 'RiO' });
  await page.getByLabel('Last sign-in export').setInputFiles({
    name: 'RiO_User_Activity.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(reportFile('rio-activity-report.csv')),
  });
  await expect(page.getByRole('status')).toContainText(
    'Skipped the report title on lines 1-3, the summary on lines 9-10 ("Total: 3 records") and 2 empty columns after the last heading.',
  );
  await expect(page.getByRole('listitem', { name: 'user-rio on RiO' })).toContainText(
    'last sign-in 2026-11-20',
  );
});
