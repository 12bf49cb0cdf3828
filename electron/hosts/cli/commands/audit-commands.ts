/** audit verify | export */
import { exportAudit } from '../../../services/maintenance';
import { EXIT } from '../cli-error';
import type { Command } from './command';

export const auditVerifyCommand: Command = {
  name: 'audit verify',
  usage: 'gatehouse audit verify --as NAME [--passphrase-file FILE]',
  summary: 'Verify the audit hash chain; exit 1 and name the first bad event if it is broken.',
  flags: ['as', 'passphrase-file'],
  async run(cli) {
    await cli.signIn();
    const status = await cli.call('audit:verify', {});
    const notes = status.notes.map((note) => `\n${note}`).join('');
    if (status.valid) {
      cli.print(
        `Audit chain intact: ${status.count} events, each signed by its operator, head ${status.headHash ?? '(empty)'}.${notes}`,
        status,
      );
      return EXIT.ok;
    }
    const lines = status.problems.map((problem) => `\n- ${problem}`).join('');
    cli.print(
      status.firstBad
        ? `Audit chain BROKEN at event ${status.firstBad.seq}: ${status.firstBad.problem}${lines}${notes}`
        : `Audit trail NOT TRUSTWORTHY:${lines}${notes}`,
      status,
    );
    return EXIT.checkFailed;
  },
};

export const auditExportCommand: Command = {
  name: 'audit export',
  usage: 'gatehouse audit export --out FILE --as NAME [--passphrase-file FILE]',
  summary: 'Write every audit event, with its hash, as JSON Lines (plaintext: keep it safe).',
  flags: ['out', 'as', 'passphrase-file'],
  async run(cli) {
    const out = cli.required('out', 'Name the file to write, e.g. --out audit.jsonl.');
    const result = exportAudit(await cli.signIn(), out);
    cli.print(
      `Exported ${result.events} audit events to ${out}${result.valid ? '' : ' (WARNING: the chain is broken)'}.`,
      { out, ...result },
    );
    return result.valid ? EXIT.ok : EXIT.checkFailed;
  },
};
