/**
 * Reports (REP-1, REP-2): one table per report for a month, drawn on the screen, written as CSV or as
 * an A4 PDF. Reading a report changes nothing; an export carries personal data off the store, so it
 * is audited (REP-3) with what was exported and how many rows.
 */
import { londonDate } from '../../../shared/policy/working-days';
import { formatCsv } from '../../../shared/csv';
import {
  monthLabel,
  monthPeriod,
  REPORT_TITLES,
  reportFileName,
  type ReportName,
  type ReportTable,
} from '../../../shared/reports';
import type { Handlers, ServiceContext } from '../../service-context';
import { GatehouseError } from '../../store/errors';
import { pulledTrustHead } from '../../trust/trust-state';
import type { AuditAnchor } from '../../../shared/model';
import type { ChannelOutput } from '../../../shared/contract';
import { anchorNow } from '../audit';
import { readSettings } from '../settings';
import { accountsReport } from './accounts-report';
import { inactiveUsersReport } from './inactive-users-report';
import { leaversProcessedReport } from './leavers-processed-report';
import { licencesReport } from './licences-report';
import { outsideProfileReport } from './outside-profile-report';
import { accessReviewsReport } from './access-reviews-report';
import type { ReportDefinition } from './report-definition';
import { reportPdf } from './report-pdf';
import { slaReport } from './sla-report';
import { suspensionsReport } from './suspensions-report';

const DEFINITIONS: Record<ReportName, ReportDefinition> = {
  'inactive-users': inactiveUsersReport,
  accounts: accountsReport,
  sla: slaReport,
  leavers: leaversProcessedReport,
  suspensions: suspensionsReport,
  licences: licencesReport,
  'outside-profile': outsideProfileReport,
  'access-reviews': accessReviewsReport,
};

export function buildReport(ctx: ServiceContext, name: ReportName, month: string): ReportTable {
  const db = ctx.db();
  const now = ctx.clock.now();
  const today = londonDate(now);
  if (month > today.slice(0, 7))
    throw new GatehouseError(
      'INVALID_INPUT',
      `${monthLabel(month)} has not started yet; choose this month or an earlier one.`,
    );
  const body = DEFINITIONS[name](db, monthPeriod(month, today));
  return {
    name,
    title: REPORT_TITLES[name],
    trustName: readSettings(db).trustName,
    generatedBy: ctx.actor().name,
    generatedAt: now.toISOString(),
    totalRows: body.rows.length,
    ...body,
  };
}

export interface ReportFile {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
  rows: number;
  /** The signed audit head at export: in a PDF's footer, beside a CSV as NAME.anchor.json. */
  anchor: AuditAnchor;
}

/** The report as a file, with the export written to the audit trail in the same step. */
export async function exportReport(
  ctx: ServiceContext,
  name: ReportName,
  month: string,
  format: 'csv' | 'pdf',
): Promise<ReportFile> {
  const report = buildReport(ctx, name, month);
  return exportTable(ctx, report, format, reportFileName(name, month, format), {
    type: 'report',
    id: `${name}/${month}`,
    label: `${report.title}, ${report.period}`,
  });
}

/**
 * Any report table as a file (a month's report, one access review's), its export audited in the same
 * step with the subject given, and anchored to the audit head as every report export is.
 */
export async function exportTable(
  ctx: ServiceContext,
  report: ReportTable,
  format: 'csv' | 'pdf',
  fileName: string,
  subject: { type: string; id: string; label: string },
): Promise<ReportFile> {
  // The head before this export's own event: what the report can vouch for (issue 10 §1).
  const anchor = anchorNow(ctx);
  const bytes =
    format === 'csv'
      ? new TextEncoder().encode(formatCsv([report.columns.map((c) => c.label), ...report.rows]))
      : await reportPdf(report, anchor, pulledTrustHead(ctx.db()));
  ctx.transact((audit) =>
    audit({
      action: 'report.exported',
      subject,
      after: { format, fileName, rows: report.rows.length },
    }),
  );
  return {
    fileName,
    mimeType: format === 'csv' ? 'text/csv;charset=utf-8' : 'application/pdf',
    bytes,
    rows: report.rows.length,
    anchor,
  };
}

/** A file as a channel returns it: the bytes in base64. */
export function asTransferred(file: ReportFile): ChannelOutput<'reports:export'> {
  return {
    fileName: file.fileName,
    mimeType: file.mimeType,
    base64: Buffer.from(file.bytes).toString('base64'),
    rows: file.rows,
    anchor: file.anchor,
  };
}

export const reportHandlers: Pick<Handlers, 'reports:run' | 'reports:export'> = {
  'reports:run': (ctx, input) => {
    const report = buildReport(ctx, input.name, input.month);
    return input.limit === undefined ? report : { ...report, rows: report.rows.slice(0, input.limit) };
  },
  'reports:export': async (ctx, input) =>
    asTransferred(await exportReport(ctx, input.name, input.month, input.format)),
};
