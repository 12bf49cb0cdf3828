import { expectAccessible } from './support/accessibility';
import { expect, test } from './support/gatehouse-fixture';
import { acknowledgeAcceptableUse, createFirstAdministrator, openScreen } from './support/screens';
import { fillDate } from './support/date-input';

test('the catalogue lists Appendix 1 and an administrator records a procedure review (CAT-1, CAT-2)', async ({
  page,
  gatehouse,
}) => {
  await page.goto(gatehouse.url);
  await createFirstAdministrator(page);
  await acknowledgeAcceptableUse(page);
  await openScreen(page, 'Catalogue');
  const emisRow = page.getByRole('row', { name: /^EMIS/ });
  await expect(emisRow).toContainText('Clinical Systems Manager');
  await expect(emisRow).toContainText('No: flagged disabled');
  await expect(page.getByRole('row', { name: /^Connecting Care/ })).toContainText('5 working days');
  await expectAccessible(page, 'catalogue');

  await page.getByRole('link', { name: 'Electronic Staff Record (ESR)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Electronic Staff Record (ESR)' })).toBeVisible();
  // One working day, not "1 working days" (REG-7's standard target).
  await expect(page.getByText('1 working day; interim standard 3 working days (REG-7)')).toBeVisible();
  await expect(page.getByRole('row', { name: /^Employee Self Service/ })).toContainText(
    'Nothing beyond authorisation',
  );
  await expect(page.getByRole('row', { name: /^Manager Self Service/ })).toContainText(
    'Valid active smartcard; ESR06 User Access Form; ESR Confidentiality Declaration',
  );
  await expectAccessible(page, 'system detail');

  await page.getByLabel('Inactivity period in days').fill('120');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('alert')).toContainText('between 30 and 90 days (SUS-2)');

  await page.getByLabel('Inactivity period in days').fill('60');
  await page
    .getByLabel('Where the local procedure is kept')
    .fill('Intranet > Workforce > ESR access control procedure');
  await fillDate(page, 'Local procedure last reviewed', '2026-10-01');
  await page.getByLabel('Reason for the change (optional)').fill('Annual review');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status')).toHaveText('Electronic Staff Record (ESR) was updated.');
  await expect(page.getByText('60 days without sign-in (SUS-2)')).toBeVisible();

  await openScreen(page, 'Audit');
  await expect(page.getByRole('row').filter({ hasText: 'System settings changed' })).toContainText(
    'Annual review',
  );
});

test('at 1024 px the catalogue fits the window, a system that is down saying so under its name (issue 12 §2)', async ({
  page,
  gatehouse,
}) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto(gatehouse.url);
  await createFirstAdministrator(page);
  await acknowledgeAcceptableUse(page);
  await openScreen(page, 'Downtime');
  await page.getByLabel('System', { exact: true }).selectOption({ label: 'RiO' });
  await page.getByLabel('Severity (business impact)').selectOption({ label: 'Critical' });
  await page.getByLabel('What is known').fill('RiO not responding; supplier call logged');
  await page.getByRole('button', { name: 'Mark down' }).click();
  await expect(page.getByRole('region', { name: 'Systems down' })).toContainText('RiO (critical)');
  await openScreen(page, 'Catalogue');
  await expect(page.getByRole('row', { name: /^RiO/ })).toContainText('Down (critical)');
  await expect(page.getByRole('row', { name: /^EMIS/ })).not.toContainText('Down');
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    window: document.documentElement.clientWidth,
  }));
  expect(widths.page, 'the catalogue is no wider than the window').toBeLessThanOrEqual(widths.window);
  await expectAccessible(page, 'catalogue at 1024 px with a system down');
});
