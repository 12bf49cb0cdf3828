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

test('import the ESR feed, compare register and ESR, review a mover, accept a leaver and reject a starter', async ({
  page,
  gatehouse,
}) => {
  await page.goto(gatehouse.url);
  await createFirstAdministrator(page);
  await acknowledgeAcceptableUse(page);
  await addPerson(page, 'Kofi Boateng', { employeeNumber: 'E2000', team: 'Podiatry' });
  await addPerson(page, 'Ama Mensah', { employeeNumber: 'E3000', team: 'Ward 5' });
  await registerAccount(page, 'Kofi Boateng', 'RiO', 'Clinician', 'SD-7001');
  await registerAccount(page, 'Ama Mensah', 'EMIS', 'Clinician', 'SD-7002');

  await openScreen(page, 'ESR feed');
  await page.getByLabel('ESR change file').setInputFiles({
    name: 'esr-december.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      'Change Type,Employee Number,Name,Job Title,Team,Effective Date\r\n' +
        'Starter,E1000,Sam Patel,Healthcare Assistant,Ward 5,01/12/2026\r\n' +
        'Mover,E2000,,Ward Manager,Ward 5,01/12/2026\r\n' +
        'Leaver,E3000,,,,30/11/2026\r\n',
    ),
  });
  await expect(page.getByRole('status')).toHaveText('Imported 3 changes from esr-december.csv.');
  const mover = page.getByRole('region', { name: 'Mover: Kofi Boateng (E2000), 2026-12-01' });
  await expect(mover.getByRole('row', { name: /^Team/ })).toHaveText(/Team\s*Podiatry\s*Ward 5/);
  await expectAccessible(page, 'ESR feed');

  await mover.getByRole('button', { name: 'Review access' }).click();
  await mover.getByLabel('Change authorised by (line manager)').fill('Ngozi Okafor');
  await fillDate(mover, 'Change authorised on', '2026-11-20');
  await mover.getByLabel('Decision for RiO').selectOption({ label: 'Remove' });
  await mover.getByRole('button', { name: 'Record review' }).click();
  await expect(page.getByRole('status')).toContainText(
    'Kofi Boateng’s move is recorded: RiO (Clinician): flagged disabled',
  );

  const leaver = page.getByRole('region', { name: 'Leaver: Ama Mensah (E3000), 2026-11-30' });
  await leaver.getByRole('button', { name: 'Accept leaver' }).click();
  await expect(leaver.getByRole('list', { name: 'What will happen' })).toContainText('cannot be undone');
  await leaver.getByRole('button', { name: /^De-register / }).click();
  await expect(page.getByRole('status')).toHaveText(
    'Ama Mensah is de-registered from 1 system as a leaver (DIS-3).',
  );

  const starter = page.getByRole('region', { name: 'Starter: Sam Patel (E1000), 2026-12-01' });
  await starter.getByRole('button', { name: 'Reject' }).click();
  await starter.getByRole('button', { name: 'Reject change' }).click();
  await expect(starter.getByRole('alert')).toHaveText(/Say why the change is rejected/);
  await starter.getByLabel('Why is this change rejected?').fill('Offer withdrawn before the start date');
  await starter.getByRole('button', { name: 'Reject change' }).click();
  await expect(page.getByText('No ESR changes are waiting.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Decided' })).toContainText(
    'starter E1000 (2026-12-01): rejected. Offer withdrawn before the start date',
  );

  await openPerson(page, 'Kofi Boateng');
  await expect(page.getByText('Ward Manager')).toBeVisible();
  await expect(page.getByRole('row', { name: /^RiO/ })).toContainText('Disabled');
});

test('an ESR extract with a title and total: the import says what it skipped (issue 9 §5)', async ({
  page,
  gatehouse,
}) => {
  await page.goto(gatehouse.url);
  await createFirstAdministrator(page);
  await acknowledgeAcceptableUse(page);
  await openScreen(page, 'ESR feed');
  await page.getByLabel('ESR change file').setInputFiles({
    name: 'SML_Weekly_Extract.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(reportFile('esr-bi-changes.csv')),
  });
  await expect(page.getByRole('status')).toHaveText(
    'Imported 3 changes from SML_Weekly_Extract.csv. Skipped the report title on lines 1-3, the summary on line 10 ("Total: 4") and 2 empty columns after the last heading. Line 8 is another assignment of employee E3000 (line 7), read once.',
  );
  await expect(page.getByRole('region', { name: /^Starter: Sam Patel \(20481101\)/ })).toBeVisible();
});
