import { expect, test } from './support/gatehouse-fixture';
import {
  acknowledgeAcceptableUse,
  createFirstAdministrator,
  openPerson,
  openScreen,
} from './support/screens';

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
  await page.getByLabel('Finishing date').fill('2027-03-31');
  await page.getByLabel('Email').fill('tina.temp@old.nhs.net');
  await page.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tina Temp' })).toBeVisible();

  const details = page.getByRole('region', { name: 'Change details' });
  await details.getByLabel('Email').fill('tina.temp@nhs.net');
  await details.getByRole('button', { name: 'Save details' }).click();
  await expect(page.getByRole('status')).toContainText('Tina Temp’s details were saved.');
  await expect(details.getByLabel('Email')).toHaveValue('tina.temp@nhs.net');

  // The contract is extended: a second save must not write the old email back.
  await details.getByLabel('Finishing date').fill('2027-06-30');
  await details.getByRole('button', { name: 'Save details' }).click();
  await expect(page.getByText('Temporary, finishing 2027-06-30')).toBeVisible();
  await expect(details.getByLabel('Finishing date')).toHaveValue('2027-06-30');
  await expect(details.getByLabel('Email')).toHaveValue('tina.temp@nhs.net');

  // Read again from the store: both changes stayed.
  await openPerson(page, 'Tina Temp');
  await expect(page.getByText('Temporary, finishing 2027-06-30')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Change details' }).getByLabel('Email')).toHaveValue(
    'tina.temp@nhs.net',
  );
});
