import { z } from 'zod';
import { monthSchema, REPORT_NAMES, reportTableSchema } from '../reports';
import { defineChannel } from './define';
import { auditAnchorSchema } from '../model';

const which = { name: z.enum(REPORT_NAMES), month: monthSchema };

/** An exported report file: every report export (a month's report, one access review's) has this shape. */
export const reportFileSchema = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  base64: z.string(),
  rows: z.number().int(),
  /** The signed audit head at export (issue 10 §1): a CSV's goes beside it as NAME.anchor.json. */
  anchor: auditAnchorSchema,
});

export const reportChannels = {
  'reports:run': defineChannel({
    summary: 'One report for a month, as a table (REP-1, REP-2); the screen asks for the first rows only.',
    input: z.strictObject({ ...which, limit: z.number().int().positive().max(5000).optional() }),
    output: reportTableSchema,
    permission: 'reports:read',
    mutates: false,
  }),
  'reports:export': defineChannel({
    summary: 'A report as a CSV (UTF-8 with BOM) or A4 PDF file; the export is audited.',
    input: z.strictObject({ ...which, format: z.enum(['csv', 'pdf']) }),
    output: reportFileSchema,
    permission: 'reports:read',
    mutates: true,
  }),
};
