/**
 * review report: one access review's progress and outcomes per line manager as CSV (with its audit
 * anchor beside it) or A4 PDF, written to a new file; the export is audited (issue 13 §3, REP-3).
 */
import { count } from '../../../../shared/plural';
import { CliError, EXIT } from '../cli-error';
import type { Command } from './command';
import { anchorFileName } from '../../../../shared/reports';

export const reviewReportCommand: Command = {
  name: 'review report',
  channels: ['reviews:report'],
  usage:
    'gatehouse review report --campaign ID --format csv|pdf --out FILE --as NAME [--passphrase-file FILE]\n  ID: from gatehouse review status',
  summary: 'Write an access review’s progress and outcomes per line manager as CSV or A4 PDF.',
  flags: ['campaign', 'format', 'out', 'as', 'passphrase-file'],
  async run(cli) {
    const campaignId = cli.required(
      'campaign',
      'Name the review with --campaign ID (gatehouse review status lists them).',
    );
    const format = cli.required('format', 'Choose --format csv or --format pdf.');
    if (format !== 'csv' && format !== 'pdf') throw new CliError(`--format is csv or pdf (got "${format}").`);
    const out = cli.required('out', 'Name the file to write, e.g. --out access-review.csv.');
    // A CSV's anchor goes in a side file, so the CSV itself still opens cleanly in Excel.
    const anchorFile = format === 'csv' ? anchorFileName(out) : null;
    for (const path of anchorFile ? [out, anchorFile] : [out]) cli.refuseExisting(path);
    await cli.signIn();
    const file = await cli.call('reviews:report', { campaignId, format });
    cli.writeNewFile(out, Buffer.from(file.base64, 'base64'));
    if (anchorFile) cli.writeNewFile(anchorFile, `${JSON.stringify(file.anchor, null, 2)}\n`, 0o644);
    cli.print(
      `Wrote the access review report (${count(file.rows, 'row')}) to ${out}${anchorFile ? `, its audit anchor to ${anchorFile}` : ''}.`,
      { campaignId, format, out, rows: file.rows, anchorFile },
    );
    return EXIT.ok;
  },
};
