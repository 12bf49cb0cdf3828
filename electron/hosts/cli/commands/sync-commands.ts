/** connect, sync, sync status, people find: a workstation and the Trust register, through the router. */
import type { SyncStatus } from '../../../../shared/contract/sync';
import { EXIT } from '../cli-error';
import type { CliContext } from '../cli-context';
import type { Command } from './command';
import { trustTargetFlags } from './server-commands';
import { trustVerdictLines, trustVerdictOk } from './trust-verdict-lines';

function describe(s: SyncStatus): string {
  if (!s.connected) return 'Not joined to a Trust register: this workstation keeps its own register.';
  return [
    `Trust register: ${s.server}`,
    `Connection: ${s.reachable === null ? 'not tried yet' : s.reachable ? 'reachable' : `offline — ${s.problem ?? ''}`}`,
    `Queued changes: ${s.queued}`,
    `Conflicts: ${s.conflicts}`,
    `Last contact: ${s.lastContact ?? 'never'}`,
    `Trust events held: up to ${s.cursor}`,
  ].join('\n');
}

function printStatus(cli: CliContext, s: SyncStatus): number {
  cli.print(describe(s), s);
  return s.connected && s.reachable === false ? EXIT.checkFailed : EXIT.ok;
}

export const connectCommand: Command = {
  name: 'connect',
  usage: 'gatehouse connect --postgres URL [--ca FILE] [--login LOGIN] --as NAME [--passphrase-file FILE]',
  summary: 'Join this store to the Trust register (your passphrase is also your PostgreSQL password).',
  flags: ['postgres', 'ca', 'login', 'as', 'passphrase-file'],
  channels: ['sync:connect'],
  async run(cli) {
    const { url, ca } = trustTargetFlags(cli);
    const passphrase = await cli.passphrase(`Passphrase for ${cli.operatorName()}: `);
    await cli.signIn(passphrase);
    const s = await cli.call('sync:connect', { url, ca, login: cli.string('login') ?? null, passphrase });
    return printStatus(cli, s);
  },
};

export const syncCommand: Command = {
  name: 'sync',
  usage: 'gatehouse sync --as NAME [--passphrase-file FILE] [--json]',
  summary: 'Push and pull once with the Trust register, then print the state.',
  flags: ['as', 'passphrase-file'],
  channels: ['sync:now'],
  async run(cli) {
    await cli.signIn();
    return printStatus(cli, await cli.call('sync:now', {}));
  },
};

export const syncStatusCommand: Command = {
  name: 'sync status',
  usage: 'gatehouse sync status --as NAME [--passphrase-file FILE] [--json]',
  summary: 'Print the state of the link to the Trust register, without contacting it.',
  flags: ['as', 'passphrase-file'],
  channels: ['sync:status'],
  async run(cli) {
    await cli.signIn();
    return printStatus(cli, await cli.call('sync:status', {}));
  },
};

export const peopleFindCommand: Command = {
  name: 'people find',
  usage: 'gatehouse people find TEXT --as NAME [--passphrase-file FILE] [--json]',
  summary: 'Search the register as the People screen does (name, employee number, smartcard UUID, username).',
  flags: ['as', 'passphrase-file'],
  channels: ['people:search'],
  positionals: 1,
  async run(cli) {
    const query = cli.positionals[0] ?? '';
    await cli.signIn();
    const found = await cli.call('people:search', { query, offset: 0, limit: 100 });
    const lines = found.results.map(
      (p) => `${p.name}\t${p.employeeNumber ?? '-'}\t${p.team ?? '-'}\t${p.status}`,
    );
    cli.print([`${found.total} found`, ...lines].join('\n'), found);
    return EXIT.ok;
  },
};

export const syncConflictsCommand: Command = {
  name: 'sync conflicts',
  usage: 'gatehouse sync conflicts --as NAME [--passphrase-file FILE] [--json]',
  summary: 'List changes made here that wait for a person (refused, or met a colleague’s change first).',
  flags: ['as', 'passphrase-file'],
  channels: ['sync:conflicts'],
  async run(cli) {
    await cli.signIn();
    const list = await cli.call('sync:conflicts', {});
    const lines = list.map((c) => `#${c.id}\t${c.at}\t${c.channel}\t${c.problem ?? ''}`);
    cli.print(list.length === 0 ? 'No conflicts.' : [`${list.length} waiting:`, ...lines].join('\n'), list);
    return EXIT.ok;
  },
};

export const syncVerifyCommand: Command = {
  name: 'sync verify',
  usage: 'gatehouse sync verify --as NAME [--passphrase-file FILE] [--json]',
  summary: 'Verify the Trust chain and that every event of this workstation is anchored in it exactly once.',
  flags: ['as', 'passphrase-file'],
  channels: ['sync:verify'],
  async run(cli) {
    await cli.signIn();
    const v = await cli.call('sync:verify', {});
    cli.print(trustVerdictLines(v).join('\n'), v);
    const ok = trustVerdictOk(v);
    return ok ? EXIT.ok : EXIT.checkFailed;
  },
};
