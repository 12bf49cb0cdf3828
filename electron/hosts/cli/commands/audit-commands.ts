/** audit verify [--against FILE…] | checkpoint | export */
import { readFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { count } from '../../../../shared/plural';
import { decodeBackup, isBackup } from '../../../store/backup-file';
import type { CliContext } from '../cli-context';
import { cannotRead, CliError, EXIT } from '../cli-error';
import type { Command } from './command';
import { type TrustVerdict, trustVerdictLines, trustVerdictOk } from './trust-verdict-lines';

/** A report PDF keeps its anchor, as JSON, in the document's keywords (report-pdf.ts). */
async function pdfAnchor(bytes: Buffer): Promise<unknown> {
  try {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    return JSON.parse(doc.getKeywords() ?? '') as unknown;
  } catch {
    return null; // the core names it as not an anchor
  }
}

/** Each anchor file's JSON, named by its path; a file that cannot be read stops the check. */
async function readAnchors(cli: CliContext): Promise<{ source: string; anchor: unknown }[]> {
  const first = cli.string('against');
  if (first === undefined) {
    if (cli.positionals.length > 0) throw new CliError(`Unexpected argument "${cli.positionals[0]}".`);
    return [];
  }
  return Promise.all(
    [first, ...cli.positionals].map(async (source) => {
      let bytes: Buffer;
      try {
        bytes = readFileSync(source);
      } catch (error) {
        throw cannotRead(source, error);
      }
      // A backup carries the head it was made at in its header; a report PDF in its keywords.
      if (isBackup(bytes)) return { source, anchor: decodeBackup(bytes, source).auditAnchor ?? null };
      if (bytes.subarray(0, 5).toString('latin1') === '%PDF-')
        return { source, anchor: await pdfAnchor(bytes) };
      try {
        return { source, anchor: JSON.parse(bytes.toString('utf8')) as unknown };
      } catch {
        return { source, anchor: null }; // the core names it as not an anchor
      }
    }),
  );
}

/**
 * The Trust chain beside the local one (issue 11 §3), when this workstation is joined: its verdict
 * and head when the register answers; when it does not, the head last pulled and why it was not
 * checked. Null when not joined.
 */
async function trustCheck(cli: CliContext): Promise<TrustCheck | null> {
  const status = await cli.call('sync:status', {});
  if (!status.connected) return null;
  const lastPulled = status.headHash ? { seq: status.cursor, hash: status.headHash } : null;
  const result = await cli.attempt('sync:verify', {});
  if (result.ok) return { checked: true, ok: trustVerdictOk(result.value), ...result.value };
  return {
    checked: false,
    reachable: result.error.code !== 'UNAVAILABLE',
    problem: result.error.message,
    lastPulled,
  };
}

type TrustCheck =
  | ({ checked: true; ok: boolean } & TrustVerdict)
  | { checked: false; reachable: boolean; problem: string; lastPulled: { seq: number; hash: string } | null };

function trustLines(trust: TrustCheck | null): string {
  if (!trust) return '';
  if (trust.checked)
    return trustVerdictLines(trust)
      .map((line) => `\n${line}`)
      .join('');
  const head = trust.lastPulled
    ? ` The Trust chain head last pulled here: event ${trust.lastPulled.seq}, hash ${trust.lastPulled.hash}.`
    : '';
  return `\nTrust chain NOT CHECKED${trust.reachable ? '' : ' (the Trust register cannot be reached)'}: ${trust.problem} Only this workstation's chain was verified.${head}`;
}

export const auditVerifyCommand: Command = {
  name: 'audit verify',
  channels: ['audit:verify', 'sync:status', 'sync:verify'],
  usage: 'gatehouse audit verify [--against FILE…] --as NAME [--passphrase-file FILE]',
  summary:
    'Verify the audit chain, every signature and the append-only triggers, and with --against that the store still holds each anchored head (checkpoint, report .anchor.json or PDF, backup); on a workstation joined to a Trust register, also the Trust chain and that every local event is anchored in it exactly once. Exit 1 naming what fails; an unreachable register is said, not a failure.',
  flags: ['against', 'as', 'passphrase-file'],
  positionals: 1000,
  async run(cli) {
    const anchors = await readAnchors(cli);
    await cli.signIn();
    const status = await cli.call('audit:verify', anchors.length > 0 ? { anchors } : {});
    const notes = status.notes.map((note) => `\n${note}`).join('');
    // Unreachable is not a failure: the local chain was checked, and a register down for a day
    // (DT-1) must not page the auditor as if the trail were forged; the output says it was not checked.
    const trust = await trustCheck(cli);
    const trustFailed = trust?.checked === true && !trust.ok;
    const json = { ...status, trust };
    if (status.valid) {
      cli.print(
        `Audit chain intact: ${count(status.count, 'event')}, each signed by its operator, head ${status.headHash ?? '(empty)'}.` +
          (anchors.length > 0
            ? `\nThe store holds every anchored head (${count(anchors.length, 'file')}).`
            : '') +
          notes +
          trustLines(trust),
        json,
      );
      return trustFailed ? EXIT.checkFailed : EXIT.ok;
    }
    const lines = status.problems.map((problem) => `\n- ${problem}`).join('');
    cli.print(
      (status.firstBad
        ? `Audit chain BROKEN at event ${status.firstBad.seq}: ${status.firstBad.problem}${lines}${notes}`
        : `Audit trail NOT TRUSTWORTHY:${lines}${notes}`) + trustLines(trust),
      json,
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
