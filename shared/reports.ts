/**
 * The monthly and regular reports (REP-1, REP-2): their names, the period a month stands for, and the
 * one table shape every report has, so the screen, the CSV and the PDF are all drawn from the same data.
 */
import { z } from 'zod';

export const REPORT_NAMES = [
  'inactive-users',
  'accounts',
  'sla',
  'leavers',
  'suspensions',
  'licences',
  'outside-profile',
  'access-reviews',
] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

export const REPORT_TITLES: Record<ReportName, string> = {
  'inactive-users': 'Inactive users per system, by line manager (REP-1)',
  accounts: 'Accounts per system, team and line manager (REP-2)',
  sla: 'Requests against the registration target (REP-2, REG-7)',
  leavers: 'Leavers processed (REP-2, DIS-3)',
  suspensions: 'Suspensions in force (REP-2, SUS-1)',
  licences: 'Licence use per organisation (REG-10)',
  'outside-profile': 'Accounts outside profile: held but not proposed by the position (issue 13)',
  'access-reviews': 'Access reviews: progress and outcomes per line manager (issue 13)',
};

export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Give the month like 2026-11.');

export const reportColumnSchema = z.object({ label: z.string(), numeric: z.boolean() });
export type ReportColumn = z.infer<typeof reportColumnSchema>;

export const reportCellSchema = z.union([z.string(), z.number(), z.null()]);
export type ReportCell = z.infer<typeof reportCellSchema>;

export const reportChartSchema = z.object({
  title: z.string(),
  unit: z.string(),
  categories: z.array(z.string()),
  series: z.array(z.object({ name: z.string(), values: z.array(z.number().nullable()) })),
});
export type ReportChart = z.infer<typeof reportChartSchema>;

export const reportTableSchema = z.object({
  name: z.enum(REPORT_NAMES),
  title: z.string(),
  trustName: z.string(),
  period: z.string(),
  generatedBy: z.string(),
  generatedAt: z.string(),
  columns: z.array(reportColumnSchema),
  rows: z.array(z.array(reportCellSchema)),
  /** Rows in the whole report; `rows` may hold fewer when the screen asked for a first page. */
  totalRows: z.number().int(),
  notes: z.array(z.string()),
  chart: reportChartSchema.nullable(),
});
export type ReportTable = z.infer<typeof reportTableSchema>;

export interface MonthPeriod {
  month: string;
  first: string;
  last: string;
  /** The day a snapshot is taken: the month's last day, or today while the month is still running. */
  asOf: string;
  /** The day the report is made: what the register holds now is as at today. */
  today: string;
}

export function monthPeriod(month: string, today: string): MonthPeriod {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const first = `${month}-01`;
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return { month, first, last, asOf: last < today ? last : today, today };
}

/** The twelve months ending with `month`, oldest first, for trends. */
export function twelveMonthsTo(month: string): string[] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - (11 - i), 1));
    return d.toISOString().slice(0, 7);
  });
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${MONTH_NAMES[m - 1]} ${y}`;
}

/** A file name for an export: `gatehouse-inactive-users-2026-11.csv`. */
export function reportFileName(name: ReportName, month: string, format: 'csv' | 'pdf'): string {
  return `gatehouse-${name}-${month}.${format}`;
}

/** A CSV's audit anchor travels beside it (issue 10 §2): inactive-2026-11.csv -> inactive-2026-11.anchor.json */
export function anchorFileName(csvName: string): string {
  return `${csvName.replace(/\.csv$/i, '')}.anchor.json`;
}
