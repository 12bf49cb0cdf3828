/** What one report computes: its columns, rows and notes for a month, from the store alone. */
import type { MonthPeriod, ReportCell, ReportChart, ReportColumn } from '../../../shared/reports';
import type { Db } from '../../store/database';

export interface ReportBody {
  /** How the period reads on the report: "November 2026", "As at 30 November 2026". */
  period: string;
  columns: ReportColumn[];
  rows: ReportCell[][];
  notes: string[];
  chart: ReportChart | null;
}

export type ReportDefinition = (db: Db, period: MonthPeriod) => ReportBody;

export const text = (label: string): ReportColumn => ({ label, numeric: false });
export const number = (label: string): ReportColumn => ({ label, numeric: true });

export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}
