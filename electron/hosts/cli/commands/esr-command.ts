/** esr import: an ESR joiner, mover and leaver file becomes proposals for an administrator to decide. */
import { basename } from 'node:path';
import { EXIT } from '../cli-error';
import type { Command } from './command';
import { count as plural } from '../../../../shared/plural';

export const esrImportCommand: Command = {
  name: 'esr import',
  channels: ['esr:import', 'esr:list'],
  usage: 'gatehouse esr import --file FILE.csv --as NAME [--passphrase-file FILE]',
  summary:
    'Import an ESR change file: starters, movers and leavers become proposals to accept or reject on the ESR feed screen.',
  flags: ['file', 'as', 'passphrase-file'],
  async run(cli) {
    const { path, content } = cli.readFileFor('esr:import', 'file', 'Name the ESR change file (CSV).');
    await cli.signIn();
    const result = await cli.call('esr:import', { fileName: basename(path), content });
    const waiting = await cli.call('esr:list', { state: 'proposed' });
    const count = (kind: string) => waiting.filter((c) => c.kind === kind).length;
    cli.print(
      [
        result.added === 0
          ? `Nothing new in ${path}: all ${plural(result.alreadyImported, 'change')} were imported before.`
          : `Imported ${plural(result.added, 'change')} from ${path}${result.alreadyImported ? ` (${result.alreadyImported} were imported before)` : ''}.`,
        `Waiting for a decision: ${plural(count('starter'), 'starter')}, ${plural(count('mover'), 'mover')}, ${plural(count('leaver'), 'leaver')}.`,
        ...result.notes,
      ].join('\n'),
      { ...result, waiting },
    );
    return EXIT.ok;
  },
};
