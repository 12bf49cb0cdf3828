/** people import, demo */
import { basename } from 'node:path';
import { CliError, EXIT } from '../cli-error';
import type { Command } from './command';
import { count } from '../../../../shared/plural';

export const peopleImportCommand: Command = {
  name: 'people import',
  channels: ['people:import'],
  usage: 'gatehouse people import --file FILE.csv --as NAME [--passphrase-file FILE]',
  summary: 'Add people from a CSV file, all or nothing; problems are listed by line.',
  flags: ['file', 'as', 'passphrase-file'],
  async run(cli) {
    const { path: file, content } = cli.readFileFor('people:import', 'file', 'Name the CSV file to import.');
    await cli.signIn();
    const result = await cli.call('people:import', { fileName: basename(file), content });
    cli.print(
      [`Imported ${count(result.imported, 'person', 'people')} from ${file}.`, ...result.notes].join(' '),
      result,
    );
    return EXIT.ok;
  },
};

export const demoCommand: Command = {
  name: 'demo',
  channels: ['people:generateDemo'],
  usage: 'gatehouse demo --people N [--seed S] --as NAME [--passphrase-file FILE]',
  summary: 'Fill an empty store with a synthetic Trust (deterministic for a seed).',
  flags: ['people', 'seed', 'as', 'passphrase-file'],
  async run(cli) {
    const people = Number(cli.required('people', 'Say how many people, e.g. --people 5000.'));
    const seed = Number(cli.string('seed') ?? '1');
    if (!Number.isInteger(people) || !Number.isInteger(seed) || seed < 0)
      throw new CliError('--people and --seed take whole numbers.');
    await cli.signIn();
    const summary = await cli.call('people:generateDemo', { people, seed });
    cli.print(
      `Generated a demo Trust: ${count(summary.people, 'person', 'people')}, ${count(summary.accounts, 'account')} (seed ${summary.seed}).`,
      summary,
    );
    return EXIT.ok;
  },
};
