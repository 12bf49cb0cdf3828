/** profiles import|export: access profiles as a spreadsheet (issue 13 §1), through the router. */
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { writeFileAtomic } from '../../../store/atomic-file';
import { CliError, EXIT } from '../cli-error';
import type { Command } from './command';

const COLUMNS = 'Job role, Team, Directorate, Organisation, System, Role [, Purpose]; blank means any';

export const profilesImportCommand: Command = {
  name: 'profiles import',
  usage: `gatehouse profiles import --file FILE.csv --as NAME [--passphrase-file FILE]\n  Columns: ${COLUMNS}`,
  summary: 'Import access profiles from CSV, all or nothing; each position in the file replaces its profile.',
  flags: ['file', 'as', 'passphrase-file'],
  async run(cli) {
    const { path, content } = cli.readTextFile('file', 'Name the access profiles file (CSV).');
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
  usage: 'gatehouse profiles export --file FILE.csv --as NAME [--passphrase-file FILE]',
  summary: 'Write every access profile to a new CSV file, in the columns import reads.',
  flags: ['file', 'as', 'passphrase-file'],
  async run(cli) {
    const out = cli.required('file', 'Name the file to write, e.g. --file access-profiles.csv.');
    if (existsSync(out))
      throw new CliError(`${out} already exists; Gatehouse never overwrites a file. Choose a new name.`);
    await cli.signIn();
    const file = await cli.call('profiles:export', {});
    try {
      writeFileAtomic(out, file.content);
    } catch (error) {
      throw new CliError(
        `Cannot write ${out}: ${(error as NodeJS.ErrnoException).code ?? 'error'}. Check the folder exists and you may write to it.`,
      );
    }
    cli.print(`Wrote ${file.rows} profile rows to ${out}.`, { out, rows: file.rows });
    return EXIT.ok;
  },
};
