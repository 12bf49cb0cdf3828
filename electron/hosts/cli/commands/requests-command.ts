/** requests list: the requests, or one person's, as the Requests screen lists them (issue 13 §4). */
import { CliError, EXIT } from '../cli-error';
import type { Command } from './command';

export const requestsListCommand: Command = {
  name: 'requests list',
  channels: ['people:search', 'requests:list'],
  usage:
    'gatehouse requests list [--person EMPLOYEE_NUMBER] [--all] [--json] --as NAME [--passphrase-file FILE]',
  summary: 'List open requests (--all: every request), or one person’s by employee number.',
  flags: ['person', 'all', 'as', 'passphrase-file'],
  async run(cli) {
    const number = cli.string('person');
    await cli.signIn();
    let personId: string | undefined;
    if (number) {
      const found = await cli.call('people:search', { query: number, limit: 50 });
      const person = found.results.find((p) => p.employeeNumber?.toLowerCase() === number.toLowerCase());
      if (!person) throw new CliError(`No one in the register has employee number ${number}.`);
      personId = person.id;
    }
    const requests = await cli.call('requests:list', { view: cli.flags.all ? 'all' : 'open', personId });
    const lines = requests.map(
      (r) =>
        `${r.reference}\t${r.personName}\t${r.systemName}\t${r.role ?? ''}\t${r.state}${r.blockers.length ? `\t${r.blockers[0]}` : ''}`,
    );
    cli.print(
      requests.length === 0
        ? `No ${cli.flags.all ? '' : 'open '}requests${number ? ` for ${number}` : ''}.`
        : ['Reference\tPerson\tSystem\tRole\tState', ...lines].join('\n'),
      requests,
    );
    return EXIT.ok;
  },
};
