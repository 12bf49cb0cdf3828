import type { Page } from '@playwright/test';
import { expect, test } from './support/gatehouse-fixture';
import {
  acknowledgeAcceptableUse,
  ADMIN,
  addPerson,
  createFirstAdministrator,
  openPerson,
  openScreen,
  signIn,
  signOut,
} from './support/screens';
import { TEST_NOW } from '../support/test-clock';

const AUDITOR = { name: 'Aubrey Auditor', passphrase: 'walnut staircase by the sea' };

const viewsBy = (page: Page, operator: string) =>
  page.getByRole('row').filter({ hasText: 'Record viewed' }).filter({ hasText: operator });

test('every sign-in starts at Home, in every tab, and a view is recorded only for the operator who opened the record (USE-3)', async ({
  page,
  gatehouse,
}) => {
  await page.goto(gatehouse.url);
  await createFirstAdministrator(page);
  await acknowledgeAcceptableUse(page);
  await openScreen(page, 'Operators');
  await page.getByLabel('Name', { exact: true }).fill(AUDITOR.name);
  await page.getByLabel('Role').selectOption({ label: 'Auditor' });
  await page.getByLabel('First passphrase').fill(AUDITOR.passphrase);
  await page.getByRole('button', { name: 'Add operator' }).click();
  await expect(page.getByRole('status')).toHaveText(`${AUDITOR.name} was added as auditor.`);
  await addPerson(page, 'Sam Patel');

  // A second tab of the same browser, left open on the same record.
  const second = await page.context().newPage();
  await second.clock.setSystemTime(TEST_NOW);
  await second.goto(page.url());
  await expect(second.getByRole('heading', { level: 1, name: 'Sam Patel' })).toBeVisible();

  await signOut(page);
  await expect(second.getByRole('heading', { name: 'Sign in to Gatehouse' })).toBeVisible();
  await signIn(page, AUDITOR);
  await acknowledgeAcceptableUse(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await expect(second.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await expect(second.getByRole('banner')).toContainText(AUDITOR.name);

  await openScreen(page, 'Audit');
  await expect(page.getByRole('status')).toContainText('Audit chain intact');
  await expect(viewsBy(page, ADMIN.name).first()).toBeVisible();
  await expect(viewsBy(page, AUDITOR.name)).toHaveCount(0);

  // Aubrey opens the record: now, and only now, one view in Aubrey's name.
  await openPerson(page, 'Sam Patel');
  await openScreen(page, 'Audit');
  await expect(page.getByRole('status')).toContainText('Audit chain intact');
  await expect(viewsBy(page, AUDITOR.name)).toHaveCount(1);
  await second.close();
});
