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

test('import the HR leavers report, resolve an ambiguous match and de-register the leavers (DIS-3)', async ({
  page,
  gatehouse,
}) => {
  await page.goto(gatehouse.url);
  await createFirstAdministrator(page);
  await acknowledgeAcceptableUse(page);
  await addPerson(page, 'Siobhán O’Neill', { employeeNumber: '1001', team: 'Newham Crisis Team' });
  await addPerson(page, 'John Smith', { employeeNumber: '1002', team: 'Podiatry' });
  await addPerson(page, 'John Smith', { employeeNumber: '1003', team: 'Health Visiting' });
  await registerAccount(page, 'Siobhán O’Neill', 'EMIS', 'Clinician', 'SD-6001');

  await openScreen(page, 'Leavers');
  await expectAccessible(page, 'leavers');
  await page.getByLabel('HR leavers report').setInputFiles({
    name: 'leavers-november.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      '\uFEFFEmployee Name,Department,Date Left\r\n"O\'Neill, Siobhan",Newham Crisis,30/11/2026\r\nJohn Smith,Finance,28/11/2026\r\nNobody Known,Podiatry,01/11/2026\r\n',
    ),
  });
  await expect(page.getByRole('region', { name: 'Matched' })).toContainText(
    "Line 2: O'Neill, Siobhan (Newham Crisis), left 2026-11-30 → Siobhán O’Neill, 1 live account",
  );
  await expect(page.getByRole('region', { name: 'Not found in the register' })).toContainText('Nobody Known');
  const ambiguous = page.getByRole('group', { name: /Line 3: John Smith/ });
  await ambiguous.getByLabel(/John Smith, Podiatry, employee 1002/).check();
  await expectAccessible(page, 'leavers preview');
  await page.getByRole('button', { name: 'De-register 2 leavers' }).click();
  await expect(
    page.getByRole('heading', { name: 'De-register 2 leavers from leavers-november.csv?' }),
  ).toBeFocused();
  await expectAccessible(page, 'leavers confirmation');
  await page.getByRole('button', { name: 'Yes, de-register 2 leavers' }).click();

  const status = page.getByRole('status');
  await expect(status).toContainText('De-registered 2 leavers from leavers-november.csv.');
  await expect(status).toContainText(
    'Siobhán O’Neill: EMIS (Clinician): flagged disabled (cannot be deleted)',
  );
  await expect(status).toContainText('Left as they were: line 4 (no one in the register matches).');

  await openPerson(page, 'Siobhán O’Neill');
  await expect(page.getByRole('row', { name: /^EMIS/ })).toContainText('Disabled');
  await expect(page.getByText('Left the Trust on 2026-11-30')).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Parts of the record' })
    .getByRole('link', { name: 'Requests and tasks' })
    .click();
  await expect(page.getByRole('region', { name: 'Pending tasks' })).toContainText(
    'Flag Siobhán O’Neill’s EMIS account as disabled',
  );
});

test('a leavers report as ESR saves it: the preview says what it skipped (issue 9 §5)', async ({
  page,
  gatehouse,
}) => {
  await page.goto(gatehouse.url);
  await createFirstAdministrator(page);
  await acknowledgeAcceptableUse(page);
  await addPerson(page, 'Siobhán O’Neill', { employeeNumber: '1001', team: 'Newham Crisis Team' });
  await openScreen(page, 'Leavers');
  await page.getByLabel('HR leavers report').setInputFiles({
    name: 'Leavers_Report.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(reportFile('esr-bi-leavers.csv')),
  });
  await expect(
    page.getByText(
      'Skipped the report title on lines 1-4, the summary on lines 11-12 ("Total leavers: 4") and 2 empty columns after the last heading.',
    ),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: 'Matched' })).toContainText(
    "Line 6: O'Neill, Ms. Siobhan (Newham Crisis Team), left 2026-11-13 → Siobhán O’Neill",
  );
  await expectAccessible(page, 'leavers preview of an ESR report');
});
