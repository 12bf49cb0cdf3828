import { expectAccessible } from './support/accessibility';
import { expect, test } from './support/gatehouse-fixture';
import {
  acknowledgeAcceptableUse,
  createFirstAdministrator,
  openScreen,
  signIn,
  signOut,
} from './support/screens';

test.beforeEach(async ({ page, gatehouse }) => {
  await page.goto(gatehouse.url);
  await createFirstAdministrator(page);
  await acknowledgeAcceptableUse(page);
});

test('licence allocations, roles and bank holidays are kept up to date from the Catalogue screen (REG-3, REG-8, REG-10, REG-7)', async ({
  page,
}) => {
  await openScreen(page, 'Catalogue');
  await page.getByLabel('GOV.UK bank holidays file').setInputFiles({
    name: 'bank-holidays.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify({
        'england-and-wales': {
          division: 'england-and-wales',
          events: [{ title: 'New Year’s Day', date: '2028-01-03' }],
        },
      }),
    ),
  });
  await expect(page.getByRole('status')).toContainText('1 new bank holiday imported');
  await page
    .getByLabel('GOV.UK bank holidays file')
    .setInputFiles({ name: 'holidays.csv', mimeType: 'text/csv', buffer: Buffer.from('date,title\n') });
  await expect(page.getByRole('alert')).toContainText('holidays.csv: The file is not JSON');

  await page.getByRole('link', { name: 'Connecting Care' }).click();
  const licences = page.getByRole('region', { name: 'Change licence allocations' });
  await licences.getByRole('button', { name: 'Add an allocation' }).click();
  await licences.getByLabel('Organisation').fill('The Trust');
  await licences.getByLabel('Year').fill('2026');
  await licences.getByLabel('Licences').fill('120');
  await licences.getByRole('button', { name: 'Save allocations' }).click();
  await expect(page.getByRole('status')).toHaveText('Connecting Care’s licence allocations were saved.');
  await expect(page.getByText('The Trust, 2026: 120 licences')).toBeVisible();
  // The editor starts again from what is stored, so the next save does not write the old rows back.
  await expect(licences.getByLabel('Licences')).toHaveValue('120');

  const roles = page.getByRole('region', { name: 'Change roles and prerequisites' });
  await roles.getByRole('button', { name: 'Add a role' }).click();
  await roles.getByLabel('Name of role 4').fill('Safeguarding lead');
  await roles.getByLabel('Needs: Valid active smartcard').nth(3).check();
  await roles.getByRole('button', { name: 'Save roles' }).click();
  await expect(page.getByRole('status')).toHaveText('Connecting Care’s roles were saved.');
  await expect(page.getByRole('row', { name: /^Safeguarding lead/ })).toContainText('Valid active smartcard');
  await expect(roles.getByLabel('Name of role 4')).toHaveValue('Safeguarding lead');
  await expect(licences.getByLabel('Licences')).toHaveValue('120');
  await expectAccessible(page, 'system detail with editors');
});

test('an administrator scoped to RiO sees EMIS read-only', async ({ page }) => {
  await openScreen(page, 'Operators');
  await page.getByLabel('Name', { exact: true }).fill('Rhiannon Rio');
  await page.getByLabel('Role').selectOption({ label: 'Administrator' });
  await page.getByLabel('RiO', { exact: true }).check();
  await page.getByLabel('First passphrase').fill('clinical systems every day');
  await page.getByRole('button', { name: 'Add operator' }).click();
  await expect(page.getByRole('row', { name: /Rhiannon Rio/ })).toContainText('RiO');
  await expectAccessible(page, 'operators with systems');
  await signOut(page);
  await signIn(page, { name: 'Rhiannon Rio', passphrase: 'clinical systems every day' });
  await acknowledgeAcceptableUse(page);
  await openScreen(page, 'Catalogue');
  await page.getByRole('link', { name: 'EMIS' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'EMIS' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save changes' })).toHaveCount(0);
  await openScreen(page, 'Catalogue');
  await page.getByRole('link', { name: 'RiO' }).click();
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeVisible();
});
