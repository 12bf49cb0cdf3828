import { expectAccessible } from './support/accessibility';
import { expect, test } from './support/gatehouse-fixture';
import {
  acknowledgeAcceptableUse,
  ADMIN,
  createFirstAdministrator,
  openScreen,
  signIn,
  signOut,
} from './support/screens';

const AUDITOR = { name: 'Aubrey Auditor', passphrase: 'walnut staircase by the sea' };

test('first run, a second operator, and the audit trail that records it all', async ({ page, gatehouse }) => {
  await page.goto(gatehouse.url);
  await expectAccessible(page, 'first run');
  await createFirstAdministrator(page);
  await expectAccessible(page, 'acceptable use');
  await acknowledgeAcceptableUse(page);
  await expectAccessible(page, 'home');

  await openScreen(page, 'Operators');
  await page.getByLabel('Name', { exact: true }).fill(AUDITOR.name);
  await page.getByLabel('Role').selectOption({ label: 'Auditor' });
  await page.getByLabel('First passphrase').fill(AUDITOR.passphrase);
  await page.getByRole('button', { name: 'Add operator' }).click();
  await expect(page.getByRole('status')).toHaveText(`${AUDITOR.name} was added as auditor.`);
  await expect(page.getByRole('row', { name: new RegExp(AUDITOR.name) })).toContainText('Auditor');
  await expectAccessible(page, 'operators');

  await signOut(page);
  await expectAccessible(page, 'sign in');
  await signIn(page, AUDITOR);
  await acknowledgeAcceptableUse(page);
  await expect(page.getByRole('banner')).toContainText(AUDITOR.name);

  await openScreen(page, 'Audit');
  await expect(page.getByRole('status')).toContainText('Audit chain intact');
  const added = page.getByRole('row').filter({ hasText: 'Operator added' }).filter({ hasText: AUDITOR.name });
  await expect(added).toContainText(ADMIN.name);
  const auditorSignIn = page
    .getByRole('row')
    .filter({ hasText: 'Signed in' })
    .filter({ hasText: AUDITOR.name });
  await expect(auditorSignIn).toHaveCount(1);
  await expectAccessible(page, 'audit');
});

test('a wrong passphrase is refused with a message that says what to do', async ({ page, gatehouse }) => {
  await page.goto(gatehouse.url);
  await createFirstAdministrator(page);
  await acknowledgeAcceptableUse(page);
  await signOut(page);
  await signIn(page, { name: ADMIN.name, passphrase: 'this is not the passphrase' });
  await expect(page.getByRole('alert')).toContainText(
    'Passphrase not recognised. Check your name and passphrase, then try again.',
  );
  await signIn(page, ADMIN);
  await acknowledgeAcceptableUse(page);
});

test('an auditor sees only what their role allows, and settings are reachable', async ({
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
  await expect(page.getByRole('status')).toContainText('was added');
  await signOut(page);
  await signIn(page, AUDITOR);
  await acknowledgeAcceptableUse(page);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link')).toHaveText([
    'Home',
    'People',
    'Requests',
    'Catalogue',
    'Access profiles',
    'Reports',
    'Downtime',
    'Audit',
    'Operators',
    'Settings',
  ]);
  await openScreen(page, 'Operators');
  await expect(page.getByRole('button', { name: 'Add operator' })).toHaveCount(0);
  await openScreen(page, 'Settings');
  await expect(page.getByRole('heading', { name: 'Change your passphrase' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Idle lock' })).toHaveCount(0);
  await expectAccessible(page, 'settings');
  for (const screen of ['People', 'Requests', 'Catalogue', 'Reports']) {
    await openScreen(page, screen);
    await expectAccessible(page, screen);
  }
});

test('everything can be done from the keyboard alone', async ({ page, gatehouse }) => {
  await page.goto(gatehouse.url);
  await expect(page.getByRole('heading', { name: 'Set up Gatehouse' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Your name')).toBeFocused();
  await page.keyboard.type(ADMIN.name);
  await page.keyboard.press('Tab');
  await page.keyboard.type(ADMIN.passphrase);
  await page.keyboard.press('Tab');
  await page.keyboard.type(ADMIN.passphrase);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Acceptable use of Gatehouse' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'I understand and agree' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Home' })).toBeFocused();
  // Tab through the page (a bounded number of presses) until the main navigation's Audit link has focus.
  const auditLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit' });
  for (
    let presses = 0;
    presses < 25 && !(await auditLink.evaluate((el) => el === document.activeElement));
    presses += 1
  ) {
    await page.keyboard.press('Tab');
  }
  await expect(auditLink).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Audit' })).toBeFocused();
});
