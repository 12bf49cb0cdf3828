/** report NAME: a report for a month as CSV or PDF, written to a new file (REP-1, REP-2). */
import { existsSync } from 'node:fs';
import { londonDate } from '../../../../shared/policy/working-days';
import { monthSchema, REPORT_NAMES, type ReportName } from '../../../../shared/reports';
import { ServiceContext } from '../../../service-context';
import { exportReport } from '../../../services/reports/reports';
import { writeFileAtomic } from '../../../store/atomic-file';
import { CliError, EXIT } from '../cli-error';
import type { Command } from './command';

const NAMES = REPORT_NAMES.join(', ');

/** inactive-2026-11.csv -> inactive-2026-11.anchor.json */
export function anchorFileFor(out: string): string {
  return `${out.replace(/\.csv$/i, '')}.anchor.json`;
}

export const reportCommand: Command = {
  name: 'report',
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
    for (const path of format === 'csv' ? [out, anchorFileFor(out)] : [out]) {
      if (existsSync(path))
        throw new CliError(`${path} already exists; Gatehouse never overwrites a file. Choose a new name.`);
    }
    const ctx = new ServiceContext((await cli.signIn()).deps);
    const file = await exportReport(ctx, name as ReportName, month, format);
    // A CSV's anchor goes in a side file, so the CSV itself still opens cleanly in Excel.
    const anchorFile = format === 'csv' ? anchorFileFor(out) : null;
    try {
      writeFileAtomic(out, Buffer.from(file.bytes));
      if (anchorFile) writeFileAtomic(anchorFile, `${JSON.stringify(file.anchor, null, 2)}\n`, 0o644);
    } catch (error) {
      throw new CliError(
        `Cannot write ${out}: ${(error as NodeJS.ErrnoException).code ?? 'error'}. Check the folder exists and you may write to it.`,
      );
    }
    cli.print(
      `Wrote ${name} for ${month} (${file.rows} rows) to ${out}${anchorFile ? `, its audit anchor to ${anchorFile}` : ''}.`,
      {
        report: name,
        month,
        format,
        out,
        rows: file.rows,
        anchorFile,
      },
    );
    return EXIT.ok;
  },
};
