/**
 * One full request with the keyboard alone (issue 12 §6, §7): sign in, find the person in the People
 * listbox, record the request with its authorisation (REG-2) through the date input, and complete its
 * set-up task (REG-6). Only Tab, Shift+Tab, arrow keys, Enter, Space and typing: no clicks, no fill.
 * After each step focus is somewhere sensible, never the page body.
 */
import type { Locator, Page } from '@playwright/test';
import { expectAccessible } from './support/accessibility';
import { expect, test } from './support/gatehouse-fixture';
import {
  acknowledgeAcceptableUse,
  ADMIN,
  addPerson,
  createFirstAdministrator,
  signOut,
} from './support/screens';

/**
 * Press `key` until `target` has focus; fails if it is not reached in `max` presses (unreachable).
 * Passing the end of the page (focus on the browser's own controls) is allowed, as in a browser.
 */
async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab', max = 60) {
  await expect(target).toBeVisible();
  for (let presses = 0; presses < max; presses++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`Not reached with ${max} presses of ${key}: ${target.toString()}`);
}

async function expectFocusNotLost(page: Page) {
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName ?? 'BODY')).not.toBe('BODY');
}

const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

test('record and complete one request using only the keyboard (issue 12 §7, REG-2, REG-6)', async ({
  page,
  gatehouse,
}) => {
  // A whole request by keyboard alone is a few hundred key presses, each waiting on what it shows.
  test.setTimeout(180_000);
  // Setting up the Trust is not the journey under test: done with the usual steps.
  await page.goto(gatehouse.url);
  await createFirstAdministrator(page);
  await acknowledgeAcceptableUse(page);
  await addPerson(page, 'Sam Patel', { employeeNumber: '20480001' });
  await signOut(page);

  // Sign in.
  await tabTo(page, page.getByLabel('Name'));
  await page.keyboard.type(ADMIN.name);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Passphrase')).toBeFocused();
  await page.keyboard.type(ADMIN.passphrase);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Acceptable use of Gatehouse' })).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: 'I understand and agree' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await expectFocusNotLost(page);

  // Find the person: the People list is one Tab stop, Enter opens the one chosen.
  await tabTo(page, mainNav(page).getByRole('link', { name: 'People' }), 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeFocused();
  await tabTo(page, page.getByLabel('Search people'));
  await page.keyboard.type('Sam');
  await expect(page.getByRole('status')).toHaveText('1 person found');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('listbox', { name: 'People found' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Sam Patel' })).toBeFocused();

  // From the record's Requests part, open a new request.
  await tabTo(
    page,
    page.getByRole('navigation', { name: 'Parts of the record' }).getByRole('link', { name: /Requests/ }),
  );
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('link', { name: 'Record a new request' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Record a request' })).toBeFocused();

  // Fill it in.
  await tabTo(page, page.getByLabel('Service-desk reference'));
  await page.keyboard.type('SD-2001');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Find the person')).toBeFocused();
  await page.keyboard.type('Sam');
  await tabTo(page, page.getByRole('button', { name: 'Choose Sam Patel, 20480001' }));
  await page.keyboard.press('Space');
  // After the choice focus is on what was chosen, not the page body (issue 12 §6).
  await expect(page.getByText('Person: Sam Patel')).toBeFocused();
  await tabTo(page, page.getByLabel('System', { exact: true }));
  await page.keyboard.type('RiO');
  await expect(page.getByLabel('System', { exact: true }).locator('option:checked')).toHaveText('RiO');
  await tabTo(page, page.getByLabel('Role'));
  await page.keyboard.type('Clinician');
  await expect(page.getByLabel('Role').locator('option:checked')).toHaveText('Clinician');
  await tabTo(page, page.getByLabel('Purpose', { exact: true }));
  await page.keyboard.type('Crisis team caseload');
  await tabTo(page, page.getByLabel('Authorised by'));
  await page.keyboard.type('Ngozi Okafor');
  const authorisedOn = page.getByRole('group', { name: 'Authorised on' });
  await page.keyboard.press('Tab');
  await expect(authorisedOn.getByLabel('Day')).toBeFocused();
  await page.keyboard.type('20');
  await page.keyboard.press('Tab');
  await page.keyboard.type('11');
  await page.keyboard.press('Tab');
  await expect(authorisedOn.getByLabel('Year')).toBeFocused();
  await page.keyboard.type('2026');
  await tabTo(page, page.getByRole('button', { name: 'Record request' }));
  await page.keyboard.press('Enter');

  // Recorded with its authorisation: ready to set up, and the banner saying so has focus.
  await expect(page.getByRole('heading', { level: 1, name: 'Request SD-2001' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Success' })).toBeFocused();
  await expect(page.getByRole('status')).toContainText('Request recorded.');
  await expect(page.getByText('Ready to set up')).toBeVisible();

  // Complete the set-up task from the Requests screen.
  await tabTo(page, mainNav(page).getByRole('link', { name: 'Requests' }), 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Requests' })).toBeFocused();
  const task = 'Create a RiO account (Clinician) for Sam Patel';
  await tabTo(page, page.getByRole('button', { name: `Complete: ${task}` }));
  await page.keyboard.press('Space');
  // The form that replaces the button takes focus at its first field.
  const form = page.getByRole('form', { name: `Complete: ${task}` });
  await expect(form.getByLabel('Username created')).toBeFocused();
  await page.keyboard.type('sam-sd2001');
  for (const check of [
    'Training arranged or sign-posted',
    'Login details issued to the person',
    'Must change password at first login is set',
  ]) {
    await tabTo(page, form.getByLabel(check));
    await page.keyboard.press('Space');
    await expect(form.getByLabel(check)).toBeChecked();
  }
  await tabTo(page, form.getByRole('button', { name: 'Mark done' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText(`Done: ${task}.`);
  await expect(page.getByRole('region', { name: 'Success' })).toBeFocused();
  await expect(page.getByRole('button', { name: `Complete: ${task}` })).toHaveCount(0);
  // Set up and done: the request has left the open queue and no task waits.
  await expect(page.getByText('No tasks are waiting.')).toBeVisible();
  await expect(page.getByRole('row', { name: /SD-2001/ })).toHaveCount(0);
  await expectAccessible(page, 'requests after completing a task by keyboard');
});
