/** audit verify [--against FILE…] | checkpoint | export */
import { readFileSync } from 'node:fs';
import { count } from '../../../../shared/plural';
import { decodeBackup, isBackup } from '../../../store/backup-file';
import type { CliContext } from '../cli-context';
import { CliError, EXIT } from '../cli-error';
import type { Command } from './command';

/** Each anchor file's JSON, named by its path; a file that cannot be read stops the check. */
function readAnchors(cli: CliContext): { source: string; anchor: unknown }[] {
  const first = cli.string('against');
  if (first === undefined) {
    if (cli.positionals.length > 0) throw new CliError(`Unexpected argument "${cli.positionals[0]}".`);
    return [];
  }
  return [first, ...cli.positionals].map((source) => {
    let bytes: Buffer;
    try {
      bytes = readFileSync(source);
    } catch (error) {
      throw new CliError(`Cannot read ${source}: ${(error as NodeJS.ErrnoException).code ?? 'error'}.`);
    }
    // A backup carries the head it was made at in its header.
    if (isBackup(bytes)) return { source, anchor: decodeBackup(bytes, source).auditAnchor ?? null };
    try {
      return { source, anchor: JSON.parse(bytes.toString('utf8')) as unknown };
    } catch {
      return { source, anchor: null }; // the core names it as not an anchor
    }
  });
}

export const auditVerifyCommand: Command = {
  name: 'audit verify',
  channels: ['audit:verify'],
  usage: 'gatehouse audit verify [--against FILE…] --as NAME [--passphrase-file FILE]',
  summary:
    'Verify the audit chain, every signature and the append-only triggers, and with --against that the store still holds each anchored head (checkpoint, report .anchor.json); exit 1 naming what fails.',
  flags: ['against', 'as', 'passphrase-file'],
  positionals: 1000,
  async run(cli) {
    const anchors = readAnchors(cli);
    await cli.signIn();
    const status = await cli.call('audit:verify', anchors.length > 0 ? { anchors } : {});
    const notes = status.notes.map((note) => `\n${note}`).join('');
    if (status.valid) {
      cli.print(
        `Audit chain intact: ${count(status.count, 'event')}, each signed by its operator, head ${status.headHash ?? '(empty)'}.` +
          (anchors.length > 0
            ? `\nThe store holds every anchored head (${count(anchors.length, 'file')}).`
            : '') +
          notes,
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
  channels: ['audit:export'],
  usage: 'gatehouse audit export --out FILE --as NAME [--passphrase-file FILE]',
  summary: 'Write every audit event, with its hash and signature, as JSON Lines (plaintext: keep it safe).',
  flags: ['out', 'as', 'passphrase-file'],
  async run(cli) {
    const out = cli.required('out', 'Name the file to write, e.g. --out audit.jsonl.');
    cli.refuseExisting(out);
    await cli.signIn();
    const { content, ...result } = await cli.call('audit:export', { fileName: out });
    cli.writeNewFile(out, content);
    cli.print(
      `Exported ${count(result.events, 'audit event')} to ${out}${result.valid ? '' : ' (WARNING: the chain is broken)'}.`,
      { out, ...result },
    );
    return result.valid ? EXIT.ok : EXIT.checkFailed;
  },
};

export const auditCheckpointCommand: Command = {
  name: 'audit checkpoint',
  channels: ['audit:checkpoint'],
  usage: 'gatehouse audit checkpoint --out FILE --as NAME [--passphrase-file FILE]',
  summary:
    'Write the audit head (sequence and hash, signed by you) to FILE, to keep outside the store; verify --against FILE later proves nothing up to it was removed or rewritten.',
  flags: ['out', 'as', 'passphrase-file'],
  async run(cli) {
    const out = cli.required('out', 'Name the file to write, e.g. --out checkpoint-2026-11-30.json.');
    cli.refuseExisting(out);
    await cli.signIn();
    const anchor = await cli.call('audit:checkpoint', { label: out });
    // An anchor holds no personal data and is meant to be kept and compared elsewhere.
    cli.writeNewFile(out, `${JSON.stringify(anchor, null, 2)}\n`, 0o644);
    cli.print(
      `Wrote the audit head (event ${anchor.seq}, hash ${anchor.hash}) to ${out}. Keep it away from this computer.`,
      anchor,
    );
    return EXIT.ok;
  },
};
