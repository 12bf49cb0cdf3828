/**
 * REG-10: each system's yearly licence allocation per organisation against the live accounts of that
 * organisation's people, flagging those at or above the 90% warning line.
 */
import { LICENCE_WARNING_SHARE } from '../../../shared/catalogue';
import { type ReportDefinition, number, percent, text } from './report-definition';

const LICENCE_WARNING_PERCENT = LICENCE_WARNING_SHARE * 100;

interface Row {
  system_name: string;
  organisation: string;
  allocation: number;
  used: number;
}

export const licencesReport: ReportDefinition = (db, period) => {
  const year = Number(period.month.slice(0, 4));
  const rows = db
    .prepare<[number], Row>(
      `SELECT s.name AS system_name, l.organisation, l.allocation,
         (SELECT count(*) FROM accounts a JOIN people p ON p.id = a.person_id
          WHERE a.system_id = l.system_id AND a.status IN ('pending', 'active', 'suspended')
            AND lower(p.organisation) = lower(l.organisation)) AS used
       FROM licence_allocations l JOIN systems s ON s.id = l.system_id
       WHERE l.year = ?
       ORDER BY s.name, l.organisation`,
    )
    .all(year);
  const table = rows.map((r) => {
    const share = percent(r.used, r.allocation);
    const state =
      r.used > r.allocation
        ? 'Over allocation'
        : share !== null && share >= LICENCE_WARNING_PERCENT
          ? 'Approaching the maximum'
          : 'Within allocation';
    return [r.system_name, r.organisation, r.allocation, r.used, share, state];
  });
  return {
    period: `${year} allocations, use as at ${period.today}`,
    columns: [
      text('System'),
      text('Organisation'),
      number('Allocation'),
      number('In use'),
      number('Used (%)'),
      text('State'),
    ],
    rows: table,
    notes: [
      rows.length === 0
        ? `No licence allocations are recorded for ${year}; add them in the Catalogue.`
        : `${rows.length} allocations for ${year}. Gatehouse warns at ${LICENCE_WARNING_PERCENT}% and refuses a new account beyond the allocation without an override (REG-10).`,
    ],
    chart: null,
  };
};
