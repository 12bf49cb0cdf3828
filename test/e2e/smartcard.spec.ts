import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CertificateFactory, certificateFactory } from '../support/smartcard/certificates';
import { labMissing, PcscLab } from '../support/smartcard/pcsc-lab';
import { testDate } from '../support/test-clock';
import { expectAccessible } from './support/accessibility';
import type { Page } from '@playwright/test';
import { expect, test } from './support/gatehouse-fixture';
import {
  acknowledgeAcceptableUse,
  ADMIN,
  addPerson,
  createFirstAdministrator,
  openScreen,
  signIn,
  signOut,
} from './support/screens';

// Both tests use the same virtual reader: one after the other.
test.describe.configure({ mode: 'serial' });

const missing = labMissing();

/** pcscd with the virtual readers and a fresh folder for card files and certificates, for one test. */
async function withCardLab(
  work: (lab: PcscLab, certificates: CertificateFactory) => Promise<void>,
): Promise<void> {
  test.skip(missing !== null, `PC/SC test stack missing: ${missing}`);
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-e2e-card-'));
  const lab = new PcscLab(dir);
  try {
    await lab.start();
    await work(lab, certificateFactory(dir, testDate()));
  } finally {
    lab.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
if (missing && process.env.CI) throw new Error(`The smartcard end-to-end test cannot run in CI: ${missing}`);

test('insert a card: the RA holder check links it to a person and shows their record; take it out and it goes', async ({
  page,
  gatehouse,
}) => {
  await withCardLab(async (lab, certificates) => {
    const card = certificates.card('/C=GB/O=nhs/CN=555123456789/GN=Sam/SN=Patel');
    await page.goto(gatehouse.url);
    await createFirstAdministrator(page);
    await acknowledgeAcceptableUse(page);
    await addPerson(page, 'Sam Patel', { employeeNumber: '1001', team: 'Podiatry' });

    await openScreen(page, 'Smartcard');
    await expect(page.getByRole('status').filter({ hasText: 'Insert a smartcard.' })).toBeVisible();
    await lab.insert(0, { certificate: card });
    const inReader = page.getByRole('region', { name: 'Card in the reader' });
    await expect(
      inReader.getByRole('heading', { name: 'NHS Care Identity Service (CIS) smartcard (JCOP41)' }),
    ).toBeVisible();
    await expect(inReader).toContainText('555123456789');
    const holder = page.getByRole('region', { name: 'Card holder' });
    await expect(
      holder.getByRole('heading', { name: 'No one in the register holds this card' }),
    ).toBeVisible();
    await expectAccessible(page, 'smartcard, unknown card');

    await holder.getByLabel('Find the card holder').fill('Sam');
    await holder.getByRole('button', { name: 'Choose Sam Patel' }).click();
    await holder.getByRole('button', { name: 'Link smartcard 555123456789 to Sam Patel' }).click();
    await expect(holder.getByRole('heading', { name: 'Sam Patel' })).toBeVisible();
    await expect(holder).toContainText('Active (permanent), Podiatry');
    await expect(holder.getByRole('listitem').filter({ hasText: 'Valid active smartcard' })).toHaveText(
      'Valid active smartcard: met',
    );
    await expectAccessible(page, 'smartcard, holder');

    lab.remove(0);
    await expect(holder).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: 'Insert a smartcard.' })).toBeVisible();
  });
});

/**
 * Put the card in as a person at the sign-in screen does: wait until it is ready, and if the screen
 * says it could not be read (the virtual card now and then answers its first read after being put
 * back before it is ready), do what the screen says: take it out and put it back, once.
 */
async function insertUntilReady(page: Page, lab: PcscLab, certificate: Buffer): Promise<void> {
  const ready = page.getByRole('status').filter({ hasText: 'is ready.' });
  const unreadable = page.getByRole('status').filter({ hasText: 'could not be read' });
  await lab.insert(0, { certificate });
  await expect(ready.or(unreadable)).toBeVisible();
  if (await ready.isVisible()) return;
  lab.remove(0);
  await expect(unreadable).toHaveCount(0);
  await lab.insert(0, { certificate });
  await expect(ready).toBeVisible();
}

test('an operator linked to their card signs in with passphrase and card, and taking it out locks Gatehouse', async ({
  page,
  gatehouse,
}) => {
  await withCardLab(async (lab, certificates) => {
    const card = certificates.card('/C=GB/O=nhs/CN=700000000001/GN=Ada/SN=Administrator');
    await page.goto(gatehouse.url);
    await createFirstAdministrator(page);
    await acknowledgeAcceptableUse(page);
    await lab.insert(0, { certificate: card });
    await openScreen(page, 'Smartcard');
    await expect(page.getByRole('region', { name: 'Card in the reader' })).toContainText('700000000001');

    await openScreen(page, 'Operators');
    await page.getByRole('button', { name: `Link smartcard to ${ADMIN.name}` }).click();
    await expect(page.getByRole('status')).toHaveText(
      `${ADMIN.name} now signs in with smartcard 700000000001 and their passphrase.`,
    );
    await expect(page.getByRole('row', { name: new RegExp(ADMIN.name) })).toContainText('700000000001');
    await expectAccessible(page, 'operators with a card');

    await signOut(page);
    lab.remove(0);
    // Wait until the sign-in screen has seen the card go, or the sign-in could race the removal.
    await expect(page.getByRole('status').filter({ hasText: 'is ready.' })).toHaveCount(0);
    await signIn(page, ADMIN);
    await expect(page.getByRole('alert')).toContainText(
      'You sign in with your smartcard: put it in the reader, wait for it to be read, then sign in again.',
    );
    await insertUntilReady(page, lab, card);
    await signIn(page, ADMIN);
    await acknowledgeAcceptableUse(page);

    lab.remove(0);
    await expect(page.getByRole('heading', { name: 'Sign in to Gatehouse' })).toBeVisible();
    await expect(page.getByRole('status')).toHaveText('Gatehouse locked because your smartcard was removed.');
  });
});

test('an administrator imports the public ATR table and sets the card profile on the Settings screen', async ({
  page,
  gatehouse,
}) => {
  await page.goto(gatehouse.url);
  await createFirstAdministrator(page);
  await acknowledgeAcceptableUse(page);
  await openScreen(page, 'Settings');
  const section = page.getByRole('region', { name: 'Smartcards' });
  await expect(section).toContainText('Gatehouse names 2 card types (0 imported, the NHS cards built in).');
  await section.getByLabel('ATR table (smartcard_list.txt from pcsc-tools)').setInputFiles({
    name: 'smartcard_list.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('# ATR table\n3B 8A 80 01 .. .. 4E 45\n\tA test card\n3B 02 14 50\n\tAnother\n'),
  });
  await expect(section.getByRole('status')).toHaveText('Imported 2 card types from smartcard_list.txt.');
  await section.getByLabel('Certificate file id').fill('C0');
  await section.getByRole('button', { name: 'Save card profile' }).click();
  await expect(section.getByRole('alert')).toContainText('Give the certificate file id as 4 hex digits');
  await section.getByLabel('Certificate file id').fill('C001');
  await section.getByRole('button', { name: 'Save card profile' }).click();
  await expect(section.getByRole('status')).toHaveText(
    'The card profile is saved; cards read from now on use it.',
  );
  await expectAccessible(page, 'settings with smartcards');
});
