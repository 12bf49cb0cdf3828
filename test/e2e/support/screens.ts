/** Page steps in the words an operator would use, with role-based locators only. */
import { expect, type Locator, type Page } from '@playwright/test';
import { fillDate } from './date-input';

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

export async function addPerson(
  page: Page,
  name: string,
  details: { employeeNumber?: string; organisation?: string; team?: string } = {},
): Promise<void> {
  await openScreen(page, 'People');
  await page.getByLabel('Full name').fill(name);
  if (details.employeeNumber)
    await page.getByLabel('Employee or assignment number').fill(details.employeeNumber);
  if (details.organisation) await page.getByLabel('Organisation').fill(details.organisation);
  if (details.team) await page.getByLabel('Team').fill(details.team);
  await page.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** Fill in the new-request form as the service desk ticket says. */
export async function recordRequest(
  page: Page,
  request: {
    reference: string;
    person: string;
    system: string;
    role: string;
    purpose: string;
    purposeKind?: string;
    authorisedBy?: string;
    accountKind?: string;
  },
): Promise<void> {
  await openScreen(page, 'Requests');
  await page.getByRole('link', { name: 'Record a new request' }).click();
  await page.getByLabel('Service-desk reference').fill(request.reference);
  await page.getByLabel('Find the person').fill(request.person.split(' ')[0]!);
  await page.getByRole('button', { name: `Choose ${request.person}` }).click();
  await page.getByLabel('System', { exact: true }).selectOption({ label: request.system });
  await page.getByLabel('Role').selectOption({ label: request.role });
  await page.getByLabel('Purpose', { exact: true }).fill(request.purpose);
  if (request.purposeKind)
    await page.getByLabel('Kind of purpose').selectOption({ label: request.purposeKind });
  if (request.accountKind) await page.getByLabel('Account kind').selectOption({ label: request.accountKind });
  if (request.authorisedBy) {
    await page.getByLabel('Authorised by').fill(request.authorisedBy);
    await fillDate(page, 'Authorised on', '2026-11-20');
  }
  await page.getByRole('button', { name: 'Record request' }).click();
}

/** An authorised request whose set-up task is then completed: the account is active in the register. */
export async function registerAccount(
  page: Page,
  person: string,
  system: string,
  role: string,
  reference: string,
): Promise<void> {
  await recordRequest(page, {
    reference,
    person,
    system,
    role,
    purpose: 'Needed for the job',
    authorisedBy: 'Ngozi Okafor',
  });
  await expect(page.getByText('Ready to set up')).toBeVisible();
  await openScreen(page, 'Requests');
  const name = `Complete: Create ${/^[AEIOU]/i.test(system) ? 'an' : 'a'} ${system} account (${role}) for ${person}`;
  await page.getByRole('button', { name }).click();
  await completeSetUp(
    page.getByRole('form', { name }),
    `${person.split(' ')[0]!.toLowerCase()}-${reference}`,
  );
  await expect(page.getByRole('status')).toContainText(`Done: ${name.slice('Complete: '.length)}`);
}

export async function openPerson(page: Page, name: string): Promise<void> {
  await openScreen(page, 'People');
  await page.getByLabel('Search people').fill(name);
  await page.getByRole('listbox', { name: 'People found' }).getByRole('option', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** Fill in a set-up task's completion form with everything REG-6 asks for, and mark it done. */
export async function completeSetUp(form: Locator, username: string): Promise<void> {
  await form.getByLabel('Username created').fill(username);
  await form.getByLabel('Training arranged or sign-posted').check();
  await form.getByLabel('Login details issued to the person').check();
  await form.getByLabel('Must change password at first login is set').check();
  await form.getByRole('button', { name: 'Mark done' }).click();
}
