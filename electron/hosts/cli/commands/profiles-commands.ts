/** profiles import|export: access profiles as a spreadsheet (issue 13 §1), through the router. */
import { basename } from 'node:path';
import { EXIT } from '../cli-error';
import type { Command } from './command';

const COLUMNS = 'Job role, Team, Directorate, Organisation, System, Role [, Purpose]; blank means any';

export const profilesImportCommand: Command = {
  name: 'profiles import',
  channels: ['profiles:import'],
  usage: `gatehouse profiles import --file FILE.csv --as NAME [--passphrase-file FILE]\n  Columns: ${COLUMNS}`,
  summary: 'Import access profiles from CSV, all or nothing; each position in the file replaces its profile.',
  flags: ['file', 'as', 'passphrase-file'],
  async run(cli) {
    const { path, content } = cli.readFileFor(
      'profiles:import',
      'file',
      'Name the access profiles file (CSV).',
    );
    await cli.signIn();
    const result = await cli.call('profiles:import', { fileName: basename(path), content });
    cli.print(
      `Imported ${path}: ${result.added} profiles added, ${result.replaced} replaced, ${result.unchanged} unchanged.`,
      result,
    );
    return EXIT.ok;
  },
};

export const profilesExportCommand: Command = {
  name: 'profiles export',
  channels: ['profiles:export'],
  usage: 'gatehouse profiles export --file FILE.csv --as NAME [--passphrase-file FILE]',
  summary: 'Write every access profile to a new CSV file, in the columns import reads.',
  flags: ['file', 'as', 'passphrase-file'],
  async run(cli) {
    const out = cli.required('file', 'Name the file to write, e.g. --file access-profiles.csv.');
    cli.refuseExisting(out);
    await cli.signIn();
    const file = await cli.call('profiles:export', {});
    cli.writeNewFile(out, file.content);
    cli.print(`Wrote ${file.rows} profile rows to ${out}.`, { out, rows: file.rows });
    return EXIT.ok;
  },
};
