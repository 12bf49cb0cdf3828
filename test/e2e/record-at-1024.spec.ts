/**
 * A person's record at 1024 px (issue 12 §2: "at 1024 pixels wide nothing overflows; today the accounts
 * table pushes De-register off screen"), with the widest accounts the register offers: no table in the
 * record scrolls sideways, and every De-register is on screen beside its account.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expectAccessible } from './support/accessibility';
import { expect, test } from './support/gatehouse-fixture';
import { acknowledgeAcceptableUse, ADMIN, openPerson, signIn } from './support/screens';

const WIDE_RECORD_PERSON = 'Oluwaseun Adeyemi-Richardson';
const WIDE_RECORD_STORE = fileURLToPath(new URL('support/wide-record-store.ts', import.meta.url));

test.use({
  prepareStore: async ({}, use) => {
    await use(async (dataDir: string) => {
      const made = spawnSync(
        process.execPath,
        ['--import', 'tsx', WIDE_RECORD_STORE, dataDir, WIDE_RECORD_PERSON],
        {
          encoding: 'utf8',
        },
      );
      expect(made.status, made.stderr).toBe(0);
    });
  },
});

test('the widest record fits at 1024 px, every De-register on screen', async ({ page, gatehouse }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto(gatehouse.url);
  await signIn(page, ADMIN);
  await acknowledgeAcceptableUse(page);
  await openPerson(page, WIDE_RECORD_PERSON);
  const table = page.getByRole('table', { name: `Accounts held by ${WIDE_RECORD_PERSON}` });
  await expect(table.getByRole('row', { name: /^Registration Authority/ })).toContainText('Suspended');
  const fits = await table.evaluate((element) => {
    const box = element.parentElement!;
    return { table: box.scrollWidth, box: box.clientWidth, right: box.getBoundingClientRect().right };
  });
  expect(fits.table, 'the accounts table does not scroll sideways').toBeLessThanOrEqual(fits.box);
  const deregister = table.getByRole('button', { name: /^De-register / });
  await expect(deregister).toHaveCount(6);
  for (const button of await deregister.all()) {
    const box = (await button.boundingBox())!;
    expect(box.x + box.width, 'De-register is inside the record, on screen').toBeLessThanOrEqual(fits.right);
  }
  await expect(table.getByRole('row', { name: /^TRAC/ })).toContainText('oluwaseun.adeyemi-richardson');
  await expectAccessible(page, 'the widest record at 1024 px');
});
