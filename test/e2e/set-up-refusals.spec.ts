/**
 * Completing an account set-up (REG-6) with things missing (issue 12 §4): every missing field and
 * confirmation is listed at once in the error summary, each linked to and marked on its field, not
 * one per submit; a system that cannot force the first-login change is allowed with a note.
 */
import { expectAccessible } from './support/accessibility';
import { expect, test } from './support/gatehouse-fixture';
import {
  acknowledgeAcceptableUse,
  addPerson,
  createFirstAdministrator,
  openScreen,
  recordRequest,
} from './support/screens';

const TASK = 'Complete: Create a RiO account (Clinician) for Sam Patel';
const TRAINING = 'Arrange training or sign-post the person to it before completing the set-up (REG-6).';
const LOGIN = 'Issue the login details to the person before completing the set-up (REG-6).';
const FIRST_LOGIN = 'Set "change password at first login", or note why the system cannot (REG-6).';

test('a set-up marked done with nothing filled in lists every problem at once, each on its field', async ({
  page,
  gatehouse,
}) => {
  await page.goto(gatehouse.url);
  await createFirstAdministrator(page);
  await acknowledgeAcceptableUse(page);
  await addPerson(page, 'Sam Patel', { employeeNumber: '20480001' });
  await recordRequest(page, {
    reference: 'SD-3001',
    person: 'Sam Patel',
    system: 'RiO',
    role: 'Clinician',
    purpose: 'Crisis team caseload',
    authorisedBy: 'Ngozi Okafor',
  });
  await expect(page.getByText('Ready to set up')).toBeVisible();
  await openScreen(page, 'Requests');
  await page.getByRole('button', { name: TASK }).click();
  const form = page.getByRole('form', { name: TASK });
  await form.getByRole('button', { name: 'Mark done' }).click();

  const summary = form.getByRole('alert');
  await expect(summary.getByRole('link')).toHaveText([
    'Record the username created.',
    TRAINING,
    LOGIN,
    FIRST_LOGIN,
  ]);
  await expect(summary).toBeFocused();
  await expectAccessible(page, 'set-up with every problem listed');
  await summary.getByRole('link', { name: LOGIN }).click();
  const login = form.getByLabel('Login details issued to the person');
  await expect(login).toBeFocused();
  await expect(login).toHaveAccessibleDescription(`Error: ${LOGIN}`);

  // Fixing some leaves the rest listed, still all at once.
  await form.getByLabel('Username created').fill('spatel');
  await login.check();
  await form.getByRole('button', { name: 'Mark done' }).click();
  await expect(summary.getByRole('link')).toHaveText([TRAINING, FIRST_LOGIN]);
  await expect(login).not.toHaveAccessibleDescription(/Error/);

  await form.getByLabel('Training arranged or sign-posted').check();
  await form.getByLabel('Note (optional)').fill('RiO cannot force a change at first login');
  await form.getByRole('button', { name: 'Mark done' }).click();
  await expect(page.getByRole('status')).toContainText(
    'Done: Create a RiO account (Clinician) for Sam Patel.',
  );
  await expect(page.getByRole('alert')).toHaveCount(0);
});
