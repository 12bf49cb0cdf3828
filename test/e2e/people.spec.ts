import { expectAccessible } from './support/accessibility';
import { expect, test } from './support/gatehouse-fixture';
import { acknowledgeAcceptableUse, addPerson, createFirstAdministrator, openScreen } from './support/screens';
import { fillDate } from './support/date-input';

test('add a person, find them as you type, and open their record', async ({ page, gatehouse }) => {
  await page.goto(gatehouse.url);
  await createFirstAdministrator(page);
  await acknowledgeAcceptableUse(page);
  await openScreen(page, 'People');
  await expect(page.getByRole('status')).toHaveText('0 people found');
  await expectAccessible(page, 'people');

  await page.getByLabel('Full name').fill('Siobhán O’Neill');
  await page.getByLabel('Employee or assignment number').fill('20481234');
  await page.getByLabel('Job role').fill('Community Psychiatric Nurse');
  await page.getByLabel('Team').fill('Newham Crisis Team');
  await page.getByLabel('Employment type').selectOption({ label: 'Temporary' });
  await page.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByRole('alert')).toContainText('Temporary staff need a finishing date (REG-11)');
  await fillDate(page, 'Finishing date', '2027-03-31');
  await page.getByRole('button', { name: 'Add person' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Siobhán O’Neill' })).toBeVisible();
  await expect(page.getByText('Temporary, finishing 2027-03-31')).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Parts of the record' })
    .getByRole('link', { name: 'History' })
    .click();
  await expect(page.getByRole('row').filter({ hasText: 'Person added' })).toContainText('Ada Administrator');
  await expectAccessible(page, 'person');

  await openScreen(page, 'People');
  await page.getByLabel('Search people').fill('siobh');
  await expect(page.getByRole('status')).toHaveText('1 person found');
  await page
    .getByRole('listbox', { name: 'People found' })
    .getByRole('option', { name: 'Siobhán O’Neill' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Siobhán O’Neill' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to people' }).click();
  await page.getByLabel('Search people').fill('nobody-like-this');
  await expect(page.getByRole('status')).toHaveText('0 people found');
});

test('every refused field is listed at once, linked, and marked where it is (issue 12 §4)', async ({
  page,
  gatehouse,
}) => {
  await page.goto(gatehouse.url);
  await createFirstAdministrator(page);
  await acknowledgeAcceptableUse(page);
  await openScreen(page, 'People');
  await page.getByLabel('Smartcard UUID').fill('12');
  await page.getByLabel('Email').fill('not an address');
  await page.getByRole('button', { name: 'Add person' }).click();

  const summary = page.getByRole('alert');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  const links = summary.getByRole('link');
  await expect(links).toHaveCount(3);
  await expect(summary).not.toContainText('smartcardUuid');
  await expect(summary).not.toContainText('expected');
  await expectAccessible(page, 'add person refused');

  await summary.getByRole('link', { name: /email/i }).click();
  await expect(page.getByLabel('Email')).toBeFocused();
  await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Full name')).toHaveAttribute('aria-invalid', 'true');
});

test('the People list is one Tab stop, moved through with the arrow keys (issue 12 §6)', async ({
  page,
  gatehouse,
}) => {
  await page.goto(gatehouse.url);
  await createFirstAdministrator(page);
  await acknowledgeAcceptableUse(page);
  await addPerson(page, 'Amara Okoye', { employeeNumber: '20001001' });
  await addPerson(page, 'Ben Okoye', { employeeNumber: '20001002' });
  await openScreen(page, 'People');
  await page.getByLabel('Search people').fill('okoye');
  await expect(page.getByRole('status')).toHaveText('2 people found');

  await page.getByLabel('Search people').focus();
  await page.keyboard.press('Tab');
  const list = page.getByRole('listbox', { name: 'People found' });
  await expect(list).toBeFocused();
  await expect(list.getByRole('option', { selected: true })).toContainText('Amara Okoye');
  await page.keyboard.press('ArrowDown');
  await expect(list.getByRole('option', { selected: true })).toContainText('Ben Okoye');
  await expectAccessible(page, 'people list moved by keyboard');
  // One Tab leaves the list, whatever its length: the next stop is the first field of Add a person.
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Full name')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(list).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Ben Okoye' })).toBeVisible();
});
