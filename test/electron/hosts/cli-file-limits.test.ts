/**
 * A file over its channel's limit is refused by the CLI from its size, before it is read (issue 9 §2:
 * a 100 MB activity file once took 38 s and 3.5 GB). The limits come from the contract's schemas;
 * the files are sparse, so the test costs no disk.
 */
import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../electron/hosts/cli/gatehouse';
import { FILE_CHANNEL_LIMITS } from '../../../shared/contract-limits';
import { runGatehouse } from '../../support/run-cli';
import { tempDir } from '../../support/temp-core';

/** Past 2 GiB Node cannot read a file into a string at all: only a refusal from its size names the limit. */
const UNREADABLE_SIZE = 2 ** 33;

/** Whatever else each file-taking command needs besides --file. */
const OTHER_FLAGS: Record<string, string[]> = {
  'activity import': ['--system', 'RiO'],
};

function sparseFile(dir: string, name: string, size: number): string {
  const path = join(dir, name);
  writeFileSync(path, '');
  truncateSync(path, size);
  return path;
}

const fileCommands = COMMANDS.flatMap((command) => {
  const limits = (command.channels ?? []).flatMap((channel) => FILE_CHANNEL_LIMITS.get(channel) ?? []);
  return limits.length > 0 ? [{ command, limit: limits[0]! }] : [];
});

describe('file-taking CLI commands', () => {
  it('are the imports', () => {
    expect(fileCommands.map((f) => f.command.name).sort()).toEqual(
      ['activity import', 'esr import', 'leavers import', 'people import', 'profiles import'].sort(),
    );
  });

  it.each(fileCommands.map((f) => [f.command.name, f] as const))(
    '%s refuses a file one byte over its limit, and a huge one, from its size',
    (name, { limit }) => {
      const dir = tempDir();
      const store = ['--as', 'Ada Admin', '--data-dir', join(dir, 'store'), '--passphrase-file', '/dev/null'];
      for (const size of [limit.maxCharacters + 1, UNREADABLE_SIZE]) {
        const path = sparseFile(dir, `big-${size}.csv`, size);
        const run = runGatehouse([
          ...name.split(' '),
          '--file',
          path,
          ...(OTHER_FLAGS[name] ?? []),
          ...store,
        ]);
        expect(run).toMatchObject({ code: 2, stderr: expect.stringContaining(limit.tooLarge) });
      }
    },
  );
});
