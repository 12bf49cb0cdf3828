/**
 * Revoking an operator at 1024 px (issue 12 §2-§3): the Operators table fits the window, each row's
 * action opens in a panel below the table (never a form in a column), the panel says exactly what
 * revoking does, a refused reason is marked on its field, and the result is one focused banner.
 */
import type { Page } from '@playwright/test';
import { expectAccessible } from './support/accessibility';
import { expect, test } from './support/gatehouse-fixture';
import { acknowledgeAcceptableUse, createFirstAdministrator, openScreen } from './support/screens';

const AUDITOR = { name: 'Aubrey Auditor', passphrase: 'walnut staircase by the sea' };

async function pageWidth(page: Page): Promise<{ page: number; window: number }> {
  return page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    window: document.documentElement.clientWidth,
  }));
}

test('revoke an operator at 1024 px: a panel that says what happens, then one focused banner', async ({
  page,
  gatehouse,
}) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto(gatehouse.url);
  await createFirstAdministrator(page);
  await acknowledgeAcceptableUse(page);
  await openScreen(page, 'Operators');
  await page.getByLabel('Name', { exact: true }).fill(AUDITOR.name);
  await page.getByLabel('Role').selectOption({ label: 'Auditor' });
  await page.getByLabel('First passphrase').fill(AUDITOR.passphrase);
  await page.getByRole('button', { name: 'Add operator' }).click();
  const row = page.getByRole('row', { name: new RegExp(AUDITOR.name) });
  await expect(row).toContainText('Auditor');
  const widths = await pageWidth(page);
  expect(widths.page, 'the Operators screen is no wider than the window').toBeLessThanOrEqual(widths.window);

  await row.getByRole('button', { name: `Revoke ${AUDITOR.name}` }).click();
  // The form opens below the table, not inside the row, with its heading focused.
  await expect(row.getByRole('textbox')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 2, name: `Revoke ${AUDITOR.name}` })).toBeFocused();
  const form = page.getByRole('form', { name: `Revoke ${AUDITOR.name}` });
  await expect(form.getByRole('list', { name: 'What will happen' })).toContainText(
    `${AUDITOR.name} can no longer sign in to Gatehouse, on any workstation.`,
  );
  await expectAccessible(page, 'revoke panel');

  await form.getByRole('button', { name: `Revoke ${AUDITOR.name}` }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('Give a reason');
  await summary.getByRole('link', { name: /Give a reason/ }).click();
  const reason = form.getByLabel(`Reason for revoking ${AUDITOR.name}`);
  await expect(reason).toBeFocused();
  await expect(reason).toHaveAttribute('aria-invalid', 'true');

  await reason.fill('Left the Trust on 20 November');
  await form.getByRole('button', { name: `Revoke ${AUDITOR.name}` }).click();
  await expect(page.getByRole('status')).toHaveText(
    `${AUDITOR.name} can no longer sign in. Their past actions stay in the audit trail.`,
  );
  await expect(page.getByRole('region', { name: 'Success' })).toBeFocused();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(row).toContainText('Revoked');
  await expect(row.getByRole('button', { name: `Revoke ${AUDITOR.name}` })).toHaveCount(0);
  await expect(form).toHaveCount(0);
  await expectAccessible(page, 'operator revoked');
});

test('change the systems an administrator administers: the banner counts them in words', async ({
  page,
  gatehouse,
}) => {
  const SCOPED = { name: 'Sasha Scoped', passphrase: 'copper kettle on the hob' };
  await page.goto(gatehouse.url);
  await createFirstAdministrator(page);
  await acknowledgeAcceptableUse(page);
  await openScreen(page, 'Operators');
  await page.getByLabel('Name', { exact: true }).fill(SCOPED.name);
  await page.getByLabel('Role').selectOption({ label: 'Administrator' });
  await page.getByLabel('RiO').check();
  await page.getByLabel('First passphrase').fill(SCOPED.passphrase);
  await page.getByRole('button', { name: 'Add operator' }).click();
  const row = page.getByRole('row', { name: new RegExp(SCOPED.name) });
  await row.getByRole('button', { name: `Change systems of ${SCOPED.name}` }).click();
  const form = page.getByRole('form', { name: `Systems ${SCOPED.name} administers` });
  await form.getByLabel('EMIS').check();
  await form.getByRole('button', { name: 'Save systems' }).click();
  await expect(page.getByRole('status')).toHaveText(
    `${SCOPED.name} now administers 2 systems, from their next sign-in.`,
  );
  await row.getByRole('button', { name: `Change systems of ${SCOPED.name}` }).click();
  await form.getByLabel('EMIS').uncheck();
  await form.getByRole('button', { name: 'Save systems' }).click();
  await expect(page.getByRole('status')).toHaveText(
    `${SCOPED.name} now administers 1 system, from their next sign-in.`,
  );
});
