import { describe, expect, it } from 'vitest';
import { NHS_PROFILE } from '../../../shared/smartcard';
import { FakeReaders } from '../../support/smartcard/fake-readers';
import { activeAdminCore, ADMIN, must, TestClock, tempDir } from '../../support/temp-core';

const TABLE = '# smartcard_list.txt\n3B 8A 80 01 .. .. 4E 45\n\tA test card\n3B 02 14 50\n\tAnother\n';

async function workstation() {
  const readers = new FakeReaders();
  const core = await activeAdminCore(tempDir(), new TestClock(), readers);
  return { core, readers };
}

describe('smartcard settings (issue 4 §1, §2)', () => {
  it('imports an ATR table after the NHS entries and gives it, with the profile, to the readers', async () => {
    const { core, readers } = await workstation();
    expect(
      await must(core, 'smartcard:importAtrTable', { fileName: 'smartcard_list.txt', content: TABLE }),
    ).toEqual({
      profile: NHS_PROFILE,
      atrEntries: 4,
      importedEntries: 2,
    });
    expect(readers.configuration?.atrTable.slice(2)).toEqual([
      { pattern: '3B 8A 80 01 .. .. 4E 45', descriptions: ['A test card'] },
      { pattern: '3B 02 14 50', descriptions: ['Another'] },
    ]);
    const profile = { ...NHS_PROFILE, name: 'Test profile', certificateFile: 'C001', uuidRdn: 1 };
    await must(core, 'smartcard:setProfile', { profile });
    expect(readers.configuration?.profile).toEqual(profile);

    // Signing in again hands the stored configuration to the readers.
    readers.configuration = null;
    await must(core, 'session:signOut', {});
    await must(core, 'session:signIn', ADMIN);
    expect(readers.configuration).toMatchObject({ profile, atrTable: { length: 4 } });
    core.close();
  });

  it('refuses a file that is not an ATR table, and a profile with a malformed AID, changing nothing', async () => {
    const { core } = await workstation();
    expect(
      await core.call('smartcard:importAtrTable', { fileName: 'staff.csv', content: 'Name,Team\n' }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: expect.stringMatching(/^staff.csv was not imported: Line 1:/),
      },
    });
    expect(
      await core.call('smartcard:setProfile', { profile: { ...NHS_PROFILE, aid: 'nope' } }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: expect.stringContaining('Give the AID as 5 to 16 bytes of hex'),
      },
    });
    expect(await must(core, 'smartcard:configuration', {})).toEqual({
      profile: NHS_PROFILE,
      atrEntries: 2,
      importedEntries: 0,
    });
    core.close();
  });
});
