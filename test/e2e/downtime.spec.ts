import { expectAccessible } from './support/accessibility';
import { expect, test } from './support/gatehouse-fixture';
import {
  acknowledgeAcceptableUse,
  addPerson,
  completeSetUp,
  createFirstAdministrator,
  openScreen,
  recordRequest,
} from './support/screens';

test('mark ESR down, queue a change, bring it back and reconcile (DT-1, DT-2)', async ({
  page,
  gatehouse,
}) => {
  await page.goto(gatehouse.url);
  await createFirstAdministrator(page);
  await acknowledgeAcceptableUse(page);
  await addPerson(page, 'Priya Shah', { employeeNumber: '20480003' });

  await openScreen(page, 'Downtime');
  await page.getByLabel('System', { exact: true }).selectOption({ label: 'Electronic Staff Record (ESR)' });
  await page.getByLabel('Severity (business impact)').selectOption({ label: 'Critical' });
  await page.getByLabel('What is known').fill('ESR not responding; supplier call logged');
  await page.getByRole('button', { name: 'Mark down' }).click();
  await expect(page.getByRole('region', { name: 'Systems down' })).toContainText(
    'Electronic Staff Record (ESR) (critical)',
  );
  await expectAccessible(page, 'downtime');

  await recordRequest(page, {
    reference: 'SD-4001',
    person: 'Priya Shah',
    system: 'Electronic Staff Record (ESR)',
    role: 'Employee Self Service',
    purpose: 'Payslips and leave',
    authorisedBy: 'Ngozi Okafor',
  });
  await expect(page.getByText('Ready to set up')).toBeVisible();

  await openScreen(page, 'Downtime');
  const waiting = page.getByRole('region', { name: 'To reconcile on Electronic Staff Record (ESR)' });
  await expect(waiting).toContainText('still down, waiting');
  await expect(waiting).toContainText(
    'Create an Electronic Staff Record (ESR) account (Employee Self Service) for Priya Shah',
  );
  await expect(waiting.getByRole('button', { name: /^Complete/ })).toHaveCount(0);

  await page.getByRole('button', { name: 'Mark Electronic Staff Record (ESR) back up' }).click();
  await expect(page.getByRole('status')).toContainText('is back; its waiting tasks can be keyed in.');
  await expect(page.getByRole('region', { name: 'Systems down' })).toHaveCount(0);
  await expect(waiting).toContainText('back, ready to key in');
  // The system back up can be marked down again at once, without leaving the screen (issue 12 §3).
  await expect(
    page.getByLabel('System', { exact: true }).getByRole('option', { name: 'Electronic Staff Record (ESR)' }),
  ).toHaveCount(1);
  const task = 'Create an Electronic Staff Record (ESR) account (Employee Self Service) for Priya Shah';
  await waiting.getByRole('button', { name: `Complete: ${task}` }).click();
  await completeSetUp(page.getByRole('form', { name: `Complete: ${task}` }), 'pshah');
  await expect(page.getByText('Nothing is waiting to be keyed in.')).toBeVisible();
  await expect(page.getByRole('row', { name: /^Electronic Staff Record \(ESR\)/ })).toContainText('critical');
  await expectAccessible(page, 'downtime after reconciling');

  await openScreen(page, 'Home');
  await expect(page.getByRole('region', { name: /Systems down/ })).toContainText(
    'Every system is available.',
  );
  await expectAccessible(page, 'dashboard');
});
