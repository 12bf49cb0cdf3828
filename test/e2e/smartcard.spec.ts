import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { certificateFactory } from '../support/smartcard/certificates';
import { labMissing, PcscLab } from '../support/smartcard/pcsc-lab';
import { expectAccessible } from './support/accessibility';
import { expect, test } from './support/gatehouse-fixture';
import { acknowledgeAcceptableUse, addPerson, createFirstAdministrator, openScreen } from './support/screens';

const missing = labMissing();
if (missing && process.env.CI) throw new Error(`The smartcard end-to-end test cannot run in CI: ${missing}`);

test('insert a card: the RA holder check links it to a person and shows their record; take it out and it goes', async ({
  page,
  gatehouse,
}) => {
  test.skip(missing !== null, `PC/SC test stack missing: ${missing}`);
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-e2e-card-'));
  const lab = new PcscLab(dir);
  try {
    await lab.start();
    const card = certificateFactory(dir).card('/C=GB/O=nhs/CN=555123456789/GN=Sam/SN=Patel');
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
  } finally {
    lab.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
