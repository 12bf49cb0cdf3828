/** people import, demo */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { generateDemoTrust } from '../../../services/demo-data';
import { importPeople } from '../../../services/people-import';
import { CliError, EXIT } from '../cli-error';
import type { Command } from './command';

export const peopleImportCommand: Command = {
  name: 'people import',
  usage: 'gatehouse people import --file FILE.csv --as NAME [--passphrase-file FILE]',
  summary: 'Add people from a CSV file, all or nothing; problems are listed by line.',
  flags: ['file', 'as', 'passphrase-file'],
  async run(cli) {
    const file = cli.required('file', 'Name the CSV file to import.');
    let content: string;
    try {
      content = readFileSync(file, 'utf8');
    } catch (error) {
      throw new CliError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}.`);
    }
    const result = importPeople(await cli.signIn(), basename(file), content);
    cli.print([`Imported ${result.imported} people from ${file}.`, ...result.notes].join(' '), result);
    return EXIT.ok;
  },
};

export const demoCommand: Command = {
  name: 'demo',
  usage: 'gatehouse demo --people N [--seed S] --as NAME [--passphrase-file FILE]',
  summary: 'Fill an empty store with a synthetic Trust (deterministic for a seed).',
  flags: ['people', 'seed', 'as', 'passphrase-file'],
  async run(cli) {
    const people = Number(cli.required('people', 'Say how many people, e.g. --people 5000.'));
    const seed = Number(cli.string('seed') ?? '1');
    if (!Number.isInteger(people) || !Number.isInteger(seed) || seed < 0)
      throw new CliError('--people and --seed take whole numbers.');
    const summary = generateDemoTrust(await cli.signIn(), people, seed);
    cli.print(
      `Generated a demo Trust: ${summary.people} people, ${summary.accounts} accounts (seed ${summary.seed}).`,
      summary,
    );
    return EXIT.ok;
  },
};
