/** init, backup, restore, integrity: the store as a whole, each through its channel. */
import { ACCEPTABLE_USE_VERSION } from '../../../../shared/policy/acceptable-use';
import { resolve } from 'node:path';
import { CliError, EXIT } from '../cli-error';
import type { Command } from './command';
import { count } from '../../../../shared/plural';

export const initCommand: Command = {
  name: 'init',
  usage: 'gatehouse init --admin NAME [--passphrase-file FILE]',
  summary: 'Create the encrypted store and its first administrator.',
  flags: ['admin', 'passphrase-file'],
  async run(cli) {
    const name = cli.required('admin', 'Name the first administrator, e.g. --admin "Ada Lovelace".');
    const passphrase = await cli.passphrase(`New passphrase for ${name} (at least 12 characters): `);
    await cli.call('session:createFirstAdministrator', { name, passphrase });
    cli.showAcceptableUse();
    await cli.call('session:acknowledgeAcceptableUse', { version: ACCEPTABLE_USE_VERSION });
    const dir = cli.core().paths.dir;
    cli.print(`Created a Gatehouse store in ${dir} with administrator ${name}.`, {
      dataDir: dir,
      administrator: name,
    });
    return EXIT.ok;
  },
};

export const backupCommand: Command = {
  name: 'backup',
  channels: ['store:backup'],
  usage: 'gatehouse backup --to FILE --as NAME [--passphrase-file FILE]',
  summary: 'Write an encrypted, verified backup of the store (key slots included).',
  flags: ['to', 'as', 'passphrase-file'],
  async run(cli) {
    const to = cli.required('to', 'Name the backup file, e.g. --to gatehouse-2026-11-22.gatehouse-backup.');
    await cli.signIn();
    const result = await cli.call('store:backup', { to: resolve(to) });
    cli.print(
      `Backup written and verified: ${result.path} (${result.bytes} bytes, ${result.auditEvents} audit events).`,
      result,
    );
    return EXIT.ok;
  },
};

export const restoreCommand: Command = {
  name: 'restore',
  channels: ['store:restore'],
  usage: 'gatehouse restore --from FILE --as NAME [--force] [--passphrase-file FILE]',
  summary:
    'Restore a backup, whole or not at all; an existing store is replaced only with --force (and kept aside).',
  flags: ['from', 'as', 'force', 'passphrase-file'],
  async run(cli) {
    const from = cli.required('from', 'Name the backup file to restore.');
    const name = cli.operatorName();
    const passphrase = await cli.passphrase(`Passphrase for ${name} (as it was in the backup): `);
    const result = await cli.call('store:restore', {
      from: resolve(from),
      name,
      passphrase,
      force: cli.flags.force === true,
    });
    const aside = result.replacedInto ? ` The previous store was moved to ${result.replacedInto}.` : '';
    cli.print(
      `Restored the backup made ${result.backupCreatedAt} into ${result.dataDir}; the restore is recorded in its audit trail.${aside}`,
      result,
    );
    return EXIT.ok;
  },
};

export const integrityCommand: Command = {
  name: 'integrity',
  channels: ['store:integrity'],
  usage: 'gatehouse integrity --as NAME [--passphrase-file FILE]',
  summary: 'Check every page of the database, its references and the audit chain.',
  flags: ['as', 'passphrase-file'],
  async run(cli) {
    let report;
    try {
      await cli.signIn();
      report = await cli.call('store:integrity', {});
    } catch (error) {
      // Damage found while signing in is this command's finding: say so as the check's own result.
      if (!(error instanceof CliError) || error.exitCode !== EXIT.checkFailed) throw error;
      cli.print(`Integrity check FAILED:\n- ${error.message}`, { ok: false, problems: [error.message] });
      return EXIT.checkFailed;
    }
    if (report.ok) {
      cli.print(
        `Integrity check passed; the audit chain of ${count(report.auditEvents, 'event')} is intact.`,
        report,
      );
      return EXIT.ok;
    }
    cli.print(`Integrity check FAILED:\n- ${report.problems.join('\n- ')}`, report);
    return EXIT.checkFailed;
  },
};
