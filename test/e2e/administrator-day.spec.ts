/**
 * An administrator's day (issue 12 §7), at the two window sizes the Trust's workstations use: find
 * and register someone, suspend and lift, de-register, a leaver, checking the screen after each step,
 * axe on every state, and nothing wider than the window (issue 12 §2: at 1024 px nothing overflows).
 */
import { hostname } from 'node:os';
import type { Page } from '@playwright/test';
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

async function expectNoOverflow(page: Page, state: string): Promise<void> {
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    window: document.documentElement.clientWidth,
  }));
  expect(widths.page, `${state}: the page is no wider than the window`).toBeLessThanOrEqual(widths.window);
}

async function check(page: Page, state: string): Promise<void> {
  await expectNoOverflow(page, state);
  await expectAccessible(page, state);
}

for (const viewport of [
  { width: 1366, height: 800 },
  { width: 1024, height: 768 },
]) {
  test(`an administrator's day at ${viewport.width}x${viewport.height}`, async ({ page, gatehouse }) => {
    // A whole day's work with axe on every state: about a minute on a quiet machine, several when the
    // two cores are shared, so well beyond the suite's 60-second default for one step.
    test.setTimeout(300_000);
    await page.setViewportSize(viewport);
    await page.goto(gatehouse.url);
    await createFirstAdministrator(page);
    await acknowledgeAcceptableUse(page);
    await check(page, 'home');

    await addPerson(page, 'Leon Phillips', { employeeNumber: '20001234', team: 'Estates' });
    await registerAccount(page, 'Leon Phillips', 'RiO', 'Clinician', 'SD-7001');
    await registerAccount(page, 'Leon Phillips', 'EMIS', 'Clinician', 'SD-7002');
    await check(page, 'requests after a task is done');

    await openPerson(page, 'Leon Phillips');
    await expect(page.getByRole('row', { name: /^RiO/ })).toContainText('Active');
    await check(page, 'person record');

    await page.getByRole('button', { name: 'Suspend RiO' }).click();
    const suspend = page.getByRole('form', { name: 'Suspend RiO account' });
    await suspend.getByLabel('Instructed by').fill('Dr Amara Director');
    await suspend.getByLabel('Who they are').selectOption({ label: 'Director' });
    await fillDate(suspend, 'Review on', '2027-01-15');
    await check(page, 'suspend panel');
    await suspend.getByRole('button', { name: 'Suspend account' }).click();
    await expect(page.getByRole('status')).toContainText('RiO account suspended');
    await expect(page.getByRole('row', { name: /^RiO/ })).toContainText('Suspended');

    const parts = page.getByRole('navigation', { name: 'Parts of the record' });
    await parts.getByRole('link', { name: 'Suspensions (1)' }).click();
    await page.getByRole('button', { name: 'Lift RiO suspension' }).click();
    const lift = page.getByRole('form', { name: 'Lift RiO suspension' });
    await lift.getByLabel('Reason for lifting').fill('Investigation closed');
    await lift.getByRole('button', { name: 'Lift suspension' }).click();
    // One banner: the suspension's message was replaced, not stacked.
    await expect(page.getByRole('status')).toHaveText('Suspension of the RiO account lifted.');
    await check(page, 'suspension lifted');

    await parts.getByRole('link', { name: /^Accounts/ }).click();
    await page.getByRole('button', { name: 'De-register RiO' }).click();
    const deregister = page.getByRole('form', { name: 'De-register RiO account' });
    await deregister.getByLabel('Instructed by').fill('Ngozi Okafor');
    await deregister.getByRole('button', { name: 'Continue' }).click();
    await check(page, 'de-register check');
    await page.getByRole('button', { name: 'De-register RiO account' }).click();
    await expect(page.getByRole('status')).toContainText('RiO account');
    await expect(page.getByRole('row', { name: /^RiO/ })).not.toContainText('Active');

    await page.getByRole('link', { name: 'De-register as a leaver' }).click();
    const leaver = page.getByRole('region', { name: 'De-register as a leaver' });
    await fillDate(leaver, 'Leaving date', '2026-11-30');
    await leaver.getByLabel('Instructed by').fill('Ngozi Okafor');
    await leaver.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('list', { name: 'What will happen' })).toContainText('EMIS (Clinician');
    await check(page, 'leaver check');
    await page.getByRole('button', { name: 'De-register leaver' }).click();
    await expect(page.getByRole('status')).toContainText('EMIS (Clinician): flagged disabled');
    await expect(page.getByRole('link', { name: 'De-register as a leaver' })).toHaveCount(0);
    await check(page, 'leaver done');

    await openScreen(page, 'Audit');
    await check(page, 'audit');
    await page
      .getByRole('button', { name: /^Account de-registered ?, event \d+/ })
      .first()
      .click();
    const detail = page.getByRole('region', { name: /^Audit event \d+/ });
    await expect(detail.getByRole('heading', { name: /Account de-registered/ })).toBeFocused();
    await expect(detail).toContainText('Ngozi Okafor');
    await expect(detail).toContainText('Leon Phillips');
    // Where it was made (issue 12 §5): this workstation, through the browser host.
    await expect(detail).toContainText(`Workstation ${hostname()}, through the browser host`);
    await check(page, 'audit event detail');
    const filters = page.getByRole('form', { name: 'Filter audit events' });
    await fillDate(filters, 'From', '2026-12-01');
    await fillDate(filters, 'To', '2026-11-01');
    await filters.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page.getByRole('alert')).toContainText('is after the To date');
  });
}
