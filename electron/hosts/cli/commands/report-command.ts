/** report NAME: a report for a month as CSV or PDF, written to a new file (REP-1, REP-2). */
import { londonDate } from '../../../../shared/policy/working-days';
import { anchorFileName, monthSchema, REPORT_NAMES, type ReportName } from '../../../../shared/reports';
import { CliError, EXIT } from '../cli-error';
import type { Command } from './command';
import { count } from '../../../../shared/plural';

const NAMES = REPORT_NAMES.join(', ');

export const reportCommand: Command = {
  name: 'report',
  channels: ['reports:export'],
  usage: `gatehouse report NAME --month YYYY-MM --format csv|pdf --out FILE --as NAME [--passphrase-file FILE]\n  NAME: ${NAMES}`,
  summary: 'Write a report for a month as CSV (UTF-8, opens in Excel) or A4 PDF (REP-1, REP-2).',
  flags: ['month', 'format', 'out', 'as', 'passphrase-file'],
  positionals: 1,
  async run(cli) {
    const name = cli.positionals[0];
    if (!name) throw new CliError(`Name the report: ${NAMES}.`);
    if (!(REPORT_NAMES as readonly string[]).includes(name))
      throw new CliError(`There is no report "${name}". The reports are: ${NAMES}.`);
    const month = cli.string('month') ?? londonDate(new Date()).slice(0, 7);
    if (!monthSchema.safeParse(month).success)
      throw new CliError(`--month takes a month like 2026-11 (got "${month}").`);
    const format = cli.required('format', 'Choose --format csv or --format pdf.');
    if (format !== 'csv' && format !== 'pdf') throw new CliError(`--format is csv or pdf (got "${format}").`);
    const out = cli.required('out', 'Name the file to write, e.g. --out inactive-2026-11.csv.');
    // A CSV's anchor goes in a side file, so the CSV itself still opens cleanly in Excel.
    const anchorFile = format === 'csv' ? anchorFileName(out) : null;
    for (const path of anchorFile ? [out, anchorFile] : [out]) cli.refuseExisting(path);
    await cli.signIn();
    const file = await cli.call('reports:export', { name: name as ReportName, month, format });
    cli.writeNewFile(out, Buffer.from(file.base64, 'base64'));
    if (anchorFile) cli.writeNewFile(anchorFile, `${JSON.stringify(file.anchor, null, 2)}\n`, 0o644);
    cli.print(
      `Wrote ${name} for ${month} (${count(file.rows, 'row')}) to ${out}${anchorFile ? `, its audit anchor to ${anchorFile}` : ''}.`,
      { report: name, month, format, out, rows: file.rows, anchorFile },
    );
    return EXIT.ok;
  },
};
