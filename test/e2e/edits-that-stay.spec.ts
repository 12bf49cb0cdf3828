import { expect, test } from './support/gatehouse-fixture';
import {
  acknowledgeAcceptableUse,
  createFirstAdministrator,
  openPerson,
  openScreen,
} from './support/screens';
import { expectAccessible } from './support/accessibility';
import { fillDate, expectDate } from './support/date-input';

test('after Save details the form shows what is stored, so a second save keeps the first (REG-11)', async ({
  page,
  gatehouse,
}) => {
  await page.goto(gatehouse.url);
  await createFirstAdministrator(page);
  await acknowledgeAcceptableUse(page);
  await openScreen(page, 'People');
  await page.getByLabel('Full name').fill('Tina Temp');
  await page.getByLabel('Employment type').selectOption({ label: 'Temporary' });
  await fillDate(page, 'Finishing date', '2027-03-31');
  await page.getByLabel('Email').fill('tina.temp@old.nhs.net');
  await page.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tina Temp' })).toBeVisible();

  // The details form is its own part of the record (issue 12 §2), opened from the summary's Change links.
  const details = page.getByRole('region', { name: 'Change details' });
  await page.getByRole('link', { name: 'Change email' }).click();
  await details.getByLabel('Email').fill('tina.temp@nhs.net');
  await details.getByRole('button', { name: 'Save details' }).click();
  await expect(page.getByRole('status')).toContainText('Tina Temp’s details were saved.');
  await expect(page.getByText('tina.temp@nhs.net', { exact: true })).toBeVisible();

  // The form opened again shows what is stored, so a second save must not write the old email back.
  await page.getByRole('link', { name: 'Change employment' }).click();
  await expect(details.getByLabel('Email')).toHaveValue('tina.temp@nhs.net');
  await fillDate(details, 'Finishing date', '2027-06-30');
  await details.getByRole('button', { name: 'Save details' }).click();
  await expect(page.getByText('Temporary, finishing 2027-06-30')).toBeVisible();
  await expect(page.getByText('tina.temp@nhs.net', { exact: true })).toBeVisible();
  await page.getByRole('link', { name: 'Change employment' }).click();
  await expectDate(details, 'Finishing date', '2027-06-30');
  await expect(details.getByLabel('Email')).toHaveValue('tina.temp@nhs.net');

  // Read again from the store: both changes stayed.
  await openPerson(page, 'Tina Temp');
  await expect(page.getByText('Temporary, finishing 2027-06-30')).toBeVisible();
  await page.getByRole('link', { name: 'Change email' }).click();
  await expect(details.getByLabel('Email')).toHaveValue('tina.temp@nhs.net');
  await expectAccessible(page, 'change details');
});
