/**
 * The `gatehouse` command-line tool: the same core as the app, for administrators' scripts.
 */
import { parseArgs } from 'node:util';
import { isGatehouseError } from '../../store/errors';
import { CliContext, type CliIo, type Flags } from './cli-context';
import { CliError, EXIT } from './cli-error';
import { auditCheckpointCommand, auditExportCommand, auditVerifyCommand } from './commands/audit-commands';
import { BOOLEAN_FLAGS, type Command, COMMON_FLAGS } from './commands/command';
import { operatorAddCommand, operatorListCommand, operatorRevokeCommand } from './commands/operator-commands';
import { activityImportCommand } from './commands/activity-command';
import { cardReadCommand, cardReadersCommand } from './commands/card-commands';
import { esrImportCommand } from './commands/esr-command';
import { profilesExportCommand, profilesImportCommand } from './commands/profiles-commands';
import { requestsListCommand } from './commands/requests-command';
import { reviewStartCommand, reviewStatusCommand } from './commands/review-commands';
import { reviewEscalateCommand } from './commands/review-escalate-command';
import { reviewReportCommand } from './commands/review-report-command';
import { inactivityRunCommand } from './commands/inactivity-command';
import { leaversImportCommand } from './commands/leavers-command';
import { reportCommand } from './commands/report-command';
import { demoCommand, peopleImportCommand } from './commands/people-commands';
import { backupCommand, initCommand, integrityCommand, restoreCommand } from './commands/store-commands';
import { serverInitCommand } from './commands/server-commands';
import {
  connectCommand,
  peopleFindCommand,
  syncCommand,
  syncConflictsCommand,
  syncDiscardCommand,
  syncApplyCommand,
  syncLinkCommand,
  syncStatusCommand,
  syncVerifyCommand,
} from './commands/sync-commands';
import { syncSettingsCommand } from './commands/trust-settings-command';
import { webCommand } from './commands/web-command';

export const COMMANDS: Command[] = [
  initCommand,
  operatorAddCommand,
  operatorListCommand,
  operatorRevokeCommand,
  auditVerifyCommand,
  auditExportCommand,
  auditCheckpointCommand,
  backupCommand,
  restoreCommand,
  integrityCommand,
  peopleImportCommand,
  demoCommand,
  leaversImportCommand,
  activityImportCommand,
  inactivityRunCommand,
  esrImportCommand,
  profilesImportCommand,
  profilesExportCommand,
  requestsListCommand,
  reviewStartCommand,
  reviewStatusCommand,
  reviewEscalateCommand,
  reviewReportCommand,
  reportCommand,
  cardReadersCommand,
  cardReadCommand,
  webCommand,
  serverInitCommand,
  connectCommand,
  syncStatusCommand,
  syncConflictsCommand,
  syncVerifyCommand,
  syncSettingsCommand,
  syncDiscardCommand,
  syncApplyCommand,
  syncLinkCommand,
  syncCommand,
  peopleFindCommand,
];

export function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: gatehouse COMMAND [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Every command takes --data-dir DIR (default: $GATEHOUSE_DATA_DIR, else the app’s data folder)',
    'and --json. Passphrases come from --passphrase-file FILE or standard input, never the command line.',
    'Exit codes: 0 success, 1 a check failed, 2 bad usage or input.',
    'Run "gatehouse COMMAND --help" for a command’s options.',
  ].join('\n');
}

function findCommand(words: string[]): { command: Command; rest: string[] } | null {
  for (const command of COMMANDS) {
    const parts = command.name.split(' ');
    if (parts.every((part, index) => words[index] === part))
      return { command, rest: words.slice(parts.length) };
  }
  return null;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === 'help') {
    io.stdout.write(`${usage()}\n`);
    return argv.length === 0 ? EXIT.badInput : EXIT.ok;
  }
  const found = findCommand(argv);
  if (!found) {
    io.stderr.write(`gatehouse: unknown command "${argv.slice(0, 2).join(' ')}".\n\n${usage()}\n`);
    return EXIT.badInput;
  }
  const { command, rest } = found;
  let flags: Flags;
  let positionals: string[];
  try {
    const names = [...COMMON_FLAGS, ...command.flags];
    const options = Object.fromEntries(
      names.map((name) => [name, { type: BOOLEAN_FLAGS.has(name) ? 'boolean' : 'string' } as const]),
    );
    const parsed = parseArgs({ args: rest, options, strict: true, allowPositionals: !!command.positionals });
    if (parsed.positionals.length > (command.positionals ?? 0))
      throw new Error(`Unexpected argument "${parsed.positionals[command.positionals ?? 0]}".`);
    flags = { ...(parsed.values as Flags) };
    positionals = parsed.positionals;
  } catch (error) {
    io.stderr.write(`gatehouse ${command.name}: ${(error as Error).message}\nUsage: ${command.usage}\n`);
    return EXIT.badInput;
  }
  if (flags.help === true) {
    io.stdout.write(`${command.usage}\n\n${command.summary}\n`);
    return EXIT.ok;
  }
  const cli = new CliContext(flags, io, positionals, command.channels);
  try {
    return await command.run(cli);
  } catch (error) {
    if (error instanceof CliError || isGatehouseError(error)) {
      const code = error instanceof CliError ? error.exitCode : EXIT.badInput;
      if (cli.json) io.stdout.write(`${JSON.stringify({ ok: false, error: error.message })}\n`);
      io.stderr.write(`gatehouse ${command.name}: ${error.message}\n`);
      return code;
    }
    io.stderr.write(
      `gatehouse ${command.name}: unexpected failure: ${(error as Error).stack ?? String(error)}\n`,
    );
    cli.logUnexpected(`Unexpected failure in gatehouse ${command.name}`, error);
    return EXIT.checkFailed;
  } finally {
    await cli.close().catch(() => undefined);
  }
}
