/** activity import: a system's last sign-in export (SUS-2); the column names are saved per system. */
import { basename } from 'node:path';
import { CliError, EXIT } from '../cli-error';
import type { Command } from './command';
import { count } from '../../../../shared/plural';

export const activityImportCommand: Command = {
  name: 'activity import',
  channels: ['catalogue:list', 'activity:import'],
  usage:
    'gatehouse activity import --system SYSTEM --file FILE.csv [--username-column NAME --date-column NAME] --as NAME',
  summary:
    'Import a system’s last sign-in export; usernames the register does not know are listed as orphans.',
  flags: ['system', 'file', 'username-column', 'date-column', 'as', 'passphrase-file'],
  async run(cli) {
    const systemText = cli.required('system', 'Name the system, e.g. --system RiO.');
    const usernameColumn = cli.string('username-column');
    const dateColumn = cli.string('date-column');
    if ((usernameColumn === undefined) !== (dateColumn === undefined))
      throw new CliError('Give both --username-column and --date-column, or neither.');
    const { path: file, content } = cli.readFileFor('activity:import', 'file', 'Name the export file (CSV).');
    await cli.signIn();
    const wanted = systemText.trim().toLocaleLowerCase('en-GB');
    const system = (await cli.call('catalogue:list', {})).find(
      (s) => s.id === systemText || s.name.toLocaleLowerCase('en-GB') === wanted,
    );
    if (!system) throw new CliError(`There is no system "${systemText}" in the catalogue.`);
    const result = await cli.call('activity:import', {
      systemId: system.id,
      fileName: basename(file),
      content,
      ...(usernameColumn && dateColumn ? { mapping: { username: usernameColumn, date: dateColumn } } : {}),
    });
    const lines = [
      `Updated last activity on ${count(result.updated, 'account')} (${result.unchanged} unchanged) from ${file}.`,
      `Columns used, saved for next time: "${result.mapping.username}" and "${result.mapping.date}".`,
      ...result.notes,
      ...(result.orphans.length
        ? [
            `Not in the register (${result.orphans.length}):`,
            ...result.orphans.map((o) => `  ${o.username} (last sign-in ${o.lastSignIn ?? 'never'})`),
          ]
        : []),
    ];
    cli.print(lines.join('\n'), result);
    return EXIT.ok;
  },
};
