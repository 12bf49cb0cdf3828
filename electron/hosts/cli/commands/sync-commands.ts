/** connect, sync, sync status, people find: a workstation and the Trust register, through the router. */
import type { ConflictChoice, SyncConflict, SyncStatus } from '../../../../shared/contract/sync';
import { CliError, EXIT } from '../cli-error';
import type { CliContext } from '../cli-context';
import type { Command } from './command';
import { trustTargetFlags } from './server-commands';
import { trustVerdictLines, trustVerdictOk } from './trust-verdict-lines';

function describe(s: SyncStatus): string {
  if (!s.connected) return 'Not joined to a Trust register: this workstation keeps its own register.';
  return [
    ...(s.alarm ? [`ALARM: ${s.alarm}`] : []),
    `Trust register: ${s.server}`,
    `Connection: ${s.reachable === null ? 'not tried yet' : s.reachable ? 'reachable' : `offline — ${s.problem ?? ''}`}`,
    `Queued changes: ${s.queued}`,
    `Conflicts: ${s.conflicts}`,
    `Last contact: ${s.lastContact ?? 'never'}`,
    `Offline grace period: ${s.offlineGraceHours ?? '-'} hours`,
    `Trust events held: up to ${s.cursor}`,
  ].join('\n');
}

function printStatus(cli: CliContext, s: SyncStatus): number {
  cli.print(describe(s), s);
  return s.connected && (s.reachable === false || s.alarm) ? EXIT.checkFailed : EXIT.ok;
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

function describeConflict(c: SyncConflict): string {
  const lines = [
    `#${c.id}  ${c.at}  ${c.operatorName ?? c.operatorId}: ${c.summary}`,
    `    Why it waits: ${c.problem ?? 'unknown'}`,
  ];
  if (c.record) lines.push(`    Record: ${c.record.label} (${c.record.type} ${c.record.id})`);
  if (c.existing)
    lines.push(`    Already on the register: ${c.existing.label} (${c.existing.type} ${c.existing.id})`);
  for (const s of c.since)
    lines.push(`    Since: ${s.at} ${s.operatorName ?? 'someone'} — ${s.action} ${s.label}`);
  lines.push(
    `    Choices: ${c.choices.map((choice) => `gatehouse sync ${choice} ${c.id} --reason TEXT`).join(' | ')}`,
  );
  return lines.join('\n');
}

function printConflicts(cli: CliContext, list: SyncConflict[]): number {
  cli.print(
    list.length === 0
      ? 'No conflicts.'
      : [`${list.length} waiting:`, ...list.map(describeConflict)].join('\n'),
    list,
  );
  return EXIT.ok;
}

export const syncConflictsCommand: Command = {
  name: 'sync conflicts',
  usage: 'gatehouse sync conflicts --as NAME [--passphrase-file FILE] [--json]',
  summary: 'List changes made here that wait for a person (refused, or met a colleague’s change first).',
  flags: ['as', 'passphrase-file'],
  channels: ['sync:conflicts'],
  async run(cli) {
    await cli.signIn();
    return printConflicts(cli, await cli.call('sync:conflicts', {}));
  },
};

/** discard, apply, link: one conflict by its number, with the reason the audit trail keeps. */
function resolveCommand(choice: ConflictChoice, channel: `sync:${ConflictChoice}`, summary: string): Command {
  return {
    name: `sync ${choice}`,
    usage: `gatehouse sync ${choice} ID --reason TEXT --as NAME [--passphrase-file FILE] [--json]`,
    summary,
    flags: ['reason', 'as', 'passphrase-file'],
    channels: [channel],
    positionals: 1,
    async run(cli) {
      const id = Number(cli.positionals[0]);
      if (!Number.isInteger(id) || id <= 0) {
        throw new CliError(
          `Give the conflict's number as gatehouse sync conflicts shows it, e.g. gatehouse sync ${choice} 3 --reason TEXT.`,
        );
      }
      const reason = cli.required(
        'reason',
        'Give the reason for the audit trail, e.g. --reason "Agreed with the ward manager".',
      );
      await cli.signIn();
      return printConflicts(cli, await cli.call(channel, { id, reason }));
    },
  };
}

export const syncDiscardCommand = resolveCommand(
  'discard',
  'sync:discard',
  'Discard my change that conflicted: the register keeps what it has (audited with the reason).',
);
export const syncApplyCommand = resolveCommand(
  'apply',
  'sync:apply',
  'Apply my conflicting change anyway, through the rules again; the reason is the override where a rule allows one.',
);
export const syncLinkCommand = resolveCommand(
  'link',
  'sync:link',
  'Link my duplicate registration to the record already on the register; my later changes follow it.',
);

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
