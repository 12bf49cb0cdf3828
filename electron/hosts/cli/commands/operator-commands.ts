/** operator add | list | revoke */
import { ROLES, type Role } from '../../../../shared/permissions';
import { CliError, EXIT } from '../cli-error';
import { readPassphraseFile } from '../passphrase-input';
import type { Command } from './command';

export const operatorAddCommand: Command = {
  name: 'operator add',
  channels: ['operators:add'],
  usage:
    'gatehouse operator add --name NAME --role ROLE --new-passphrase-file FILE --as NAME [--passphrase-file FILE]',
  summary: `Add an operator (roles: ${ROLES.join(', ')}).`,
  flags: ['name', 'role', 'new-passphrase-file', 'as', 'passphrase-file'],
  async run(cli) {
    const name = cli.required('name', 'Name the new operator.');
    const role = cli.required('role', `Choose a role: ${ROLES.join(', ')}.`);
    if (!(ROLES as readonly string[]).includes(role))
      throw new CliError(`Unknown role "${role}". Choose one of: ${ROLES.join(', ')}.`);
    const passphrase = readPassphraseFile(
      cli.required('new-passphrase-file', 'Put the new operator’s first passphrase in a file.'),
    );
    await cli.signIn();
    const operator = await cli.call('operators:add', { name, role: role as Role, passphrase });
    cli.print(`Added ${operator.name} as ${operator.role}.`, operator);
    return EXIT.ok;
  },
};

export const operatorListCommand: Command = {
  name: 'operator list',
  channels: ['operators:list'],
  usage: 'gatehouse operator list --as NAME [--passphrase-file FILE]',
  summary: 'List operators.',
  flags: ['as', 'passphrase-file'],
  async run(cli) {
    await cli.signIn();
    const operators = await cli.call('operators:list', {});
    const lines = operators.map(
      (o) => `${o.name}\t${o.role}\t${o.status}\t${o.lastSignInAt ?? 'never signed in'}`,
    );
    cli.print(['NAME\tROLE\tSTATUS\tLAST SIGN-IN', ...lines].join('\n'), operators);
    return EXIT.ok;
  },
};

export const operatorRevokeCommand: Command = {
  name: 'operator revoke',
  channels: ['operators:list', 'operators:revoke'],
  usage: 'gatehouse operator revoke --name NAME --reason TEXT --as NAME [--passphrase-file FILE]',
  summary: 'Revoke an operator: their key slot is removed; their audit events stay.',
  flags: ['name', 'reason', 'as', 'passphrase-file'],
  async run(cli) {
    const name = cli.required('name', 'Name the operator to revoke.');
    const reason = cli.required(
      'reason',
      'Give the reason for the audit trail, e.g. --reason "Left the Trust".',
    );
    await cli.signIn();
    const operators = await cli.call('operators:list', {});
    const target = operators.find(
      (o) =>
        o.status === 'active' && o.name.toLocaleLowerCase('en-GB') === name.trim().toLocaleLowerCase('en-GB'),
    );
    if (!target)
      throw new CliError(`There is no active operator called ${name}. See "gatehouse operator list".`);
    const revoked = await cli.call('operators:revoke', { id: target.id, reason });
    cli.print(`Revoked ${revoked.name}.`, revoked);
    return EXIT.ok;
  },
};
