/**
 * England and Wales bank holidays 2020-2027, as published on GOV.UK (including the 2020 VE Day move,
 * the 2022 Platinum Jubilee and State Funeral, and the 2023 Coronation). An administrator can import
 * a newer GOV.UK bank-holidays.json; see `parseGovUkBankHolidays`.
 */
import { z } from 'zod';

export interface BankHoliday {
  date: string;
  title: string;
}

const raw: [string, string][] = [
  ['2020-01-01', 'New Year’s Day'],
  ['2020-04-10', 'Good Friday'],
  ['2020-04-13', 'Easter Monday'],
  ['2020-05-08', 'Early May bank holiday (VE day)'],
  ['2020-05-25', 'Spring bank holiday'],
  ['2020-08-31', 'Summer bank holiday'],
  ['2020-12-25', 'Christmas Day'],
  ['2020-12-28', 'Boxing Day'],
  ['2021-01-01', 'New Year’s Day'],
  ['2021-04-02', 'Good Friday'],
  ['2021-04-05', 'Easter Monday'],
  ['2021-05-03', 'Early May bank holiday'],
  ['2021-05-31', 'Spring bank holiday'],
  ['2021-08-30', 'Summer bank holiday'],
  ['2021-12-27', 'Christmas Day'],
  ['2021-12-28', 'Boxing Day'],
  ['2022-01-03', 'New Year’s Day'],
  ['2022-04-15', 'Good Friday'],
  ['2022-04-18', 'Easter Monday'],
  ['2022-05-02', 'Early May bank holiday'],
  ['2022-06-02', 'Spring bank holiday'],
  ['2022-06-03', 'Platinum Jubilee bank holiday'],
  ['2022-08-29', 'Summer bank holiday'],
  ['2022-09-19', 'Bank Holiday for the State Funeral of Queen Elizabeth II'],
  ['2022-12-26', 'Boxing Day'],
  ['2022-12-27', 'Christmas Day'],
  ['2023-01-02', 'New Year’s Day'],
  ['2023-04-07', 'Good Friday'],
  ['2023-04-10', 'Easter Monday'],
  ['2023-05-01', 'Early May bank holiday'],
  ['2023-05-08', 'Bank holiday for the coronation of King Charles III'],
  ['2023-05-29', 'Spring bank holiday'],
  ['2023-08-28', 'Summer bank holiday'],
  ['2023-12-25', 'Christmas Day'],
  ['2023-12-26', 'Boxing Day'],
  ['2024-01-01', 'New Year’s Day'],
  ['2024-03-29', 'Good Friday'],
  ['2024-04-01', 'Easter Monday'],
  ['2024-05-06', 'Early May bank holiday'],
  ['2024-05-27', 'Spring bank holiday'],
  ['2024-08-26', 'Summer bank holiday'],
  ['2024-12-25', 'Christmas Day'],
  ['2024-12-26', 'Boxing Day'],
  ['2025-01-01', 'New Year’s Day'],
  ['2025-04-18', 'Good Friday'],
  ['2025-04-21', 'Easter Monday'],
  ['2025-05-05', 'Early May bank holiday'],
  ['2025-05-26', 'Spring bank holiday'],
  ['2025-08-25', 'Summer bank holiday'],
  ['2025-12-25', 'Christmas Day'],
  ['2025-12-26', 'Boxing Day'],
  ['2026-01-01', 'New Year’s Day'],
  ['2026-04-03', 'Good Friday'],
  ['2026-04-06', 'Easter Monday'],
  ['2026-05-04', 'Early May bank holiday'],
  ['2026-05-25', 'Spring bank holiday'],
  ['2026-08-31', 'Summer bank holiday'],
  ['2026-12-25', 'Christmas Day'],
  ['2026-12-28', 'Boxing Day'],
  ['2027-01-01', 'New Year’s Day'],
  ['2027-03-26', 'Good Friday'],
  ['2027-03-29', 'Easter Monday'],
  ['2027-05-03', 'Early May bank holiday'],
  ['2027-05-31', 'Spring bank holiday'],
  ['2027-08-30', 'Summer bank holiday'],
  ['2027-12-27', 'Christmas Day'],
  ['2027-12-28', 'Boxing Day'],
];

export const ENGLAND_AND_WALES_BANK_HOLIDAYS: readonly BankHoliday[] = raw.map(([date, title]) => ({
  date,
  title,
}));

const govUkSchema = z.object({
  'england-and-wales': z.object({
    division: z.literal('england-and-wales'),
    events: z
      .array(
        z.object({
          title: z.string().min(1),
          date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Each event needs a date like 2027-12-27.'),
        }),
      )
      .min(1, 'The file lists no England and Wales bank holidays.'),
  }),
});

export type ParsedHolidays = { ok: true; holidays: BankHoliday[] } | { ok: false; message: string };

/** Reads the GOV.UK bank-holidays.json feed (https://www.gov.uk/bank-holidays.json format). */
export function parseGovUkBankHolidays(text: string): ParsedHolidays {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {
      ok: false,
      message: 'The file is not JSON. Download bank-holidays.json from GOV.UK and import that file.',
    };
  }
  const parsed = govUkSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      message: `The file is not in the GOV.UK bank holidays format (${issue?.path.join('.') || 'top level'}: ${issue?.message}). Nothing was imported.`,
    };
  }
  const holidays = parsed.data['england-and-wales'].events.map((e) => ({ date: e.date, title: e.title }));
  return { ok: true, holidays: holidays.sort((a, b) => a.date.localeCompare(b.date)) };
}
