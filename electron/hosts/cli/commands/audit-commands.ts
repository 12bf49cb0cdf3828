/** audit verify | export */
import { EXIT } from '../cli-error';
import type { Command } from './command';
import { count } from '../../../../shared/plural';

export const auditVerifyCommand: Command = {
  name: 'audit verify',
  channels: ['audit:verify'],
  usage: 'gatehouse audit verify --as NAME [--passphrase-file FILE]',
  summary: 'Verify the audit hash chain; exit 1 and name the first bad event if it is broken.',
  flags: ['as', 'passphrase-file'],
  async run(cli) {
    await cli.signIn();
    const status = await cli.call('audit:verify', {});
    if (status.valid) {
      cli.print(
        `Audit chain intact: ${count(status.count, 'event')}, head ${status.headHash ?? '(empty)'}.`,
        status,
      );
      return EXIT.ok;
    }
    cli.print(`Audit chain BROKEN at event ${status.firstBad?.seq}: ${status.firstBad?.problem}`, status);
    return EXIT.checkFailed;
  },
};

export const auditExportCommand: Command = {
  name: 'audit export',
  channels: ['audit:export'],
  usage: 'gatehouse audit export --out FILE --as NAME [--passphrase-file FILE]',
  summary: 'Write every audit event, with its hash, as JSON Lines (plaintext: keep it safe).',
  flags: ['out', 'as', 'passphrase-file'],
  async run(cli) {
    const out = cli.required('out', 'Name the file to write, e.g. --out audit.jsonl.');
    cli.refuseExisting(out);
    await cli.signIn();
    const { content, ...result } = await cli.call('audit:export', { fileName: out });
    cli.writeNewFile(out, content);
    cli.print(
      `Exported ${result.events} audit events to ${out}${result.valid ? '' : ' (WARNING: the chain is broken)'}.`,
      { out, ...result },
    );
    return result.valid ? EXIT.ok : EXIT.checkFailed;
  },
};
