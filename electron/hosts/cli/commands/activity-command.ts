/** activity import: a system's last sign-in export (SUS-2); the column names are saved per system. */
import { basename } from 'node:path';
import { ServiceContext } from '../../../service-context';
import { importActivity } from '../../../services/activity-import';
import { CliError, EXIT } from '../cli-error';
import type { Command } from './command';

export const activityImportCommand: Command = {
  name: 'activity import',
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
    const { path: file, content } = cli.readTextFile('file', 'Name the export file (CSV).');
    const ctx = new ServiceContext((await cli.signIn()).deps);
    const system = ctx
      .db()
      .prepare<[string, string], { id: string }>(
        'SELECT id FROM systems WHERE id = ? OR lower(name) = lower(?)',
      )
      .get(systemText, systemText);
    if (!system) throw new CliError(`There is no system "${systemText}" in the catalogue.`);
    const mapping = usernameColumn && dateColumn ? { username: usernameColumn, date: dateColumn } : null;
    const result = importActivity(ctx, system.id, basename(file), content, mapping);
    const lines = [
      `Updated last activity on ${result.updated} accounts (${result.unchanged} unchanged) from ${file}.`,
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
