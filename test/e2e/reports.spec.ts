import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { faketimeEnv, testDate } from '../support/test-clock';
import { expectAccessible } from './support/accessibility';
import { CLI, expect, test } from './support/gatehouse-fixture';
import { acknowledgeAcceptableUse, ADMIN, createFirstAdministrator, openScreen } from './support/screens';

test('produce the monthly inactive users report and download it as CSV and PDF (REP-1)', async ({
  page,
  gatehouse,
}) => {
  await page.goto(gatehouse.url);
  await createFirstAdministrator(page);
  await acknowledgeAcceptableUse(page);
  // A small demo Trust, made with the command-line tool against the same store while the app runs.
  const pass = join(gatehouse.dataDir, 'admin.pass');
  writeFileSync(pass, `${ADMIN.passphrase}\n`);
  const demo = spawnSync(
    process.execPath,
    [
      CLI,
      'demo',
      '--people',
      '300',
      '--as',
      ADMIN.name,
      '--data-dir',
      gatehouse.dataDir,
      '--passphrase-file',
      pass,
    ],
    { encoding: 'utf8', env: { ...process.env, ...faketimeEnv() } },
  );
  expect(demo.status, demo.stderr).toBe(0);

  await openScreen(page, 'Settings');
  await page.getByLabel('The Trust’s name, as reports show it').fill('East London NHS Foundation Trust');
  await page.getByRole('button', { name: 'Save Trust name' }).click();
  await expect(page.getByRole('status')).toHaveText(
    'Reports and the header now carry the name East London NHS Foundation Trust.',
  );
  // The header names the Trust at once (issue 12 §1).
  await expect(page.getByRole('banner')).toContainText('East London NHS Foundation Trust');

  await openScreen(page, 'Reports');
  await page
    .getByRole('combobox', { name: 'Report' })
    .selectOption({ label: 'Inactive users per system, by line manager (REP-1)' });
  await page.getByRole('button', { name: 'Show report' }).click();
  const report = page.getByRole('region', { name: 'Inactive users per system, by line manager (REP-1)' });
  await expect(report).toContainText('East London NHS Foundation Trust');
  await expect(report.getByRole('columnheader', { name: 'Days inactive' })).toBeVisible();
  const rows = await report.getByRole('row').count();
  expect(rows).toBeGreaterThan(2);
  await expectAccessible(page, 'reports');

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  const month = testDate().slice(0, 7);
  expect(csv.suggestedFilename()).toBe(`gatehouse-inactive-users-${month}.csv`);
  const csvText = readFileSync(await csv.path(), 'utf8');
  expect(csvText.startsWith('\uFEFFSystem,Line manager,Person,Employee number,')).toBe(true);
  expect(csvText.trimEnd().split('\r\n')).toHaveLength(rows - 1 + 1); // header + every data row shown
  await expect(page.getByRole('status')).toContainText(`Downloaded gatehouse-inactive-users-${month}.csv`);
  // Issue 10 §1: the CSV's audit anchor, a side file so the CSV stays clean.
  const [anchor] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download audit anchor' }).click(),
  ]);
  expect(anchor.suggestedFilename()).toBe(`gatehouse-inactive-users-${month}.anchor.json`);
  expect(JSON.parse(readFileSync(await anchor.path(), 'utf8'))).toMatchObject({
    format: 'gatehouse-audit-anchor',
    seq: expect.any(Number),
  });

  const [pdf] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download PDF' }).click(),
  ]);
  expect(pdf.suggestedFilename()).toBe(`gatehouse-inactive-users-${month}.pdf`);
  expect(
    readFileSync(await pdf.path())
      .subarray(0, 5)
      .toString('latin1'),
  ).toBe('%PDF-');

  await page
    .getByRole('combobox', { name: 'Report' })
    .selectOption({ label: 'Requests against the registration target (REP-2, REG-7)' });
  await page.getByRole('button', { name: 'Show report' }).click();
  await expect(
    page.getByRole('img', { name: /^Requests completed within the standard, by month/ }),
  ).toBeVisible();
  await expectAccessible(page, 'SLA report');

  // The audit trail names each export in words, CSV and PDF apart, and the demo data too (issue 9 §6).
  await openScreen(page, 'Audit');
  // Each action is the button that opens the event's details (issue 12), named by the action's words.
  for (const words of ['Report exported as CSV', 'Report exported as PDF', 'Demo data generated'])
    await expect(
      page.getByRole('button', { name: new RegExp(`^${words} ?, event \\d+: details$`) }),
    ).toBeVisible();
  await expect(page.getByRole('cell', { name: 'report.exported' })).toHaveCount(0);
});
