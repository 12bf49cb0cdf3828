/**
 * The design system's summary list: a key, its value and, where the operator may change it, a
 * "Change" link (or button) whose accessible name says what it changes.
 */
import type { ReactNode } from 'react';

export interface SummaryRow {
  key: string;
  value: ReactNode;
  /** A link target (hash route) or an action that opens the change where the operator is. */
  change?: { href: string } | { onClick: () => void };
}

export function SummaryList({ rows, noBorder }: { rows: SummaryRow[]; noBorder?: boolean }) {
  const withActions = rows.some((row) => row.change);
  return (
    <dl className={noBorder ? 'nhsuk-summary-list nhsuk-summary-list--no-border' : 'nhsuk-summary-list'}>
      {rows.map((row) => (
        <div
          key={row.key}
          className={
            withActions && !row.change
              ? 'nhsuk-summary-list__row nhsuk-summary-list__row--no-actions'
              : 'nhsuk-summary-list__row'
          }
        >
          <dt className="nhsuk-summary-list__key">{row.key}</dt>
          <dd className="nhsuk-summary-list__value">{row.value}</dd>
          {row.change ? (
            <dd className="nhsuk-summary-list__actions">
              {'href' in row.change ? (
                <a href={row.change.href}>
                  Change<span className="nhsuk-u-visually-hidden"> {row.key.toLowerCase()}</span>
                </a>
              ) : (
                <button type="button" className="link-button" onClick={row.change.onClick}>
                  Change<span className="nhsuk-u-visually-hidden"> {row.key.toLowerCase()}</span>
                </button>
              )}
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
}
