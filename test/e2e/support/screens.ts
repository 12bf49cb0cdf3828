/** Page steps in the words an operator would use, with role-based locators only. */
import { expect, type Page } from '@playwright/test';

export const ADMIN = { name: 'Ada Administrator', passphrase: 'lantern orchard quietly 42' };

export async function createFirstAdministrator(page: Page, admin = ADMIN): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Set up Gatehouse' })).toBeVisible();
  await page.getByLabel('Your name').fill(admin.name);
  await page.getByLabel('Passphrase', { exact: true }).fill(admin.passphrase);
  await page.getByLabel('Confirm passphrase').fill(admin.passphrase);
  await page.getByRole('button', { name: 'Create administrator' }).click();
}

export async function acknowledgeAcceptableUse(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Acceptable use of Gatehouse' })).toBeVisible();
  await page.getByRole('button', { name: 'I understand and agree' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
}

export async function signIn(page: Page, who: { name: string; passphrase: string }): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Sign in to Gatehouse' })).toBeVisible();
  await page.getByLabel('Name').fill(who.name);
  await page.getByLabel('Passphrase').fill(who.passphrase);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Gatehouse' })).toBeVisible();
}

export async function openScreen(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}
