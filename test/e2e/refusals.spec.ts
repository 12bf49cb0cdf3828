import { testDate } from '../support/test-clock';
import { expect, test } from './support/gatehouse-fixture';
import {
  acknowledgeAcceptableUse,
  addPerson,
  createFirstAdministrator,
  openScreen,
  recordRequest,
} from './support/screens';

test.beforeEach(async ({ page, gatehouse }) => {
  await page.goto(gatehouse.url);
  await createFirstAdministrator(page);
  await acknowledgeAcceptableUse(page);
  await addPerson(page, 'Kemi Adeyemi', { employeeNumber: '20480011' });
});

test('a generic login without IG approval is refused (REG-5)', async ({ page }) => {
  await recordRequest(page, {
    reference: 'SD-5001',
    person: 'Kemi Adeyemi',
    system: 'RiO',
    role: 'Read only',
    purpose: 'Ward terminal',
    authorisedBy: 'Ngozi Okafor',
    accountKind: 'Generic login (exceptional, REG-5)',
  });
  await expect(page.getByRole('alert')).toContainText(
    'A generic login needs an Information Governance approval reference and an end date (REG-5).',
  );
});

test('ESR Manager Self Service waits for its prerequisites, and a smartcard must be on record (REG-8)', async ({
  page,
}) => {
  await recordRequest(page, {
    reference: 'SD-5002',
    person: 'Kemi Adeyemi',
    system: 'Electronic Staff Record (ESR)',
    role: 'Manager Self Service',
    purpose: 'Approving leave',
    authorisedBy: 'Ngozi Okafor',
  });
  await expect(page.getByRole('region', { name: 'Waiting for' })).toContainText(
    'Before Manager Self Service access on Electronic Staff Record (ESR) is granted (REG-8)',
  );
  const confirm = page.getByRole('region', { name: 'Confirm prerequisites (REG-8)' });
  await confirm.getByLabel('Valid active smartcard').check();
  await confirm.getByLabel('ESR06 User Access Form').check();
  await confirm.getByLabel('ESR Confidentiality Declaration').check();
  await confirm.getByRole('button', { name: 'Confirm prerequisites' }).click();
  await expect(confirm.getByRole('alert')).toContainText(
    'no smartcard UUID is recorded for Kemi Adeyemi (REG-8)',
  );
});

test('a used-up licence allocation is refused (REG-10)', async ({ page }) => {
  await addPerson(page, 'Tom Jones', { employeeNumber: '20480012', organisation: 'The Trust' });
  await addPerson(page, 'Ada Okoro', { employeeNumber: '20480013', organisation: 'The Trust' });
  await openScreen(page, 'Catalogue');
  await page.getByRole('link', { name: 'Connecting Care' }).click();
  const licences = page.getByRole('region', { name: 'Change licence allocations' });
  await licences.getByRole('button', { name: 'Add an allocation' }).click();
  await licences.getByLabel('Organisation').fill('The Trust');
  await licences.getByLabel('Year').fill(testDate().slice(0, 4));
  await licences.getByLabel('Licences').fill('1');
  await licences.getByRole('button', { name: 'Save allocations' }).click();
  await expect(page.getByRole('status')).toContainText('licence allocations were saved');
  await recordRequest(page, {
    reference: 'SD-5010',
    person: 'Tom Jones',
    system: 'Connecting Care',
    role: 'Clinical user',
    purpose: 'Ward rounds',
    authorisedBy: 'Ngozi Okafor',
  });
  await expect(page.getByRole('status')).toContainText('will have used 1 of 1 Connecting Care licences');
  await recordRequest(page, {
    reference: 'SD-5011',
    person: 'Ada Okoro',
    system: 'Connecting Care',
    role: 'Clinical user',
    purpose: 'Ward rounds',
    authorisedBy: 'Ngozi Okafor',
  });
  await expect(page.getByRole('alert')).toContainText('has used all 1 Connecting Care licences');
  await expect(page.getByRole('alert')).toContainText('(REG-10)');
});

test('a doubtful role is referred to the line manager (REG-3)', async ({ page }) => {
  await recordRequest(page, {
    reference: 'SD-5003',
    person: 'Kemi Adeyemi',
    system: 'RiO',
    role: 'System administrator',
    purpose: 'Unclear why',
  });
  const refer = page.getByRole('region', { name: 'Refer to the line manager (REG-3)' });
  await refer.getByLabel('What to ask the line manager').fill('Is read-only access enough for this role?');
  await refer.getByRole('button', { name: 'Refer to line manager' }).click();
  await expect(page.getByRole('status')).toContainText('Referred to the line manager.');
  await expect(page.getByRole('region', { name: 'Waiting for' })).toContainText(
    'Referred to the line manager (REG-3): Is read-only access enough',
  );
  const resume = page.getByRole('region', { name: 'Resume with the line manager’s answer' });
  await resume.getByLabel('Role confirmed by the line manager').selectOption({ label: 'Read only' });
  await resume.getByRole('button', { name: 'Resume request' }).click();
  await expect(page.getByText('Awaiting authorisation')).toBeVisible();
});
