/**
 * One conflict (issue 11 §2): my offline action beside what others did to the record since, the
 * record already on the register for a duplicate, and only the choices the core offers for it.
 */
import { useId, useRef } from 'react';
import { describeAuditAction } from '../../../shared/audit-actions';
import type { ConflictChoice, SyncConflict } from '../../../shared/contract/sync';
import { InsetText } from '../../components/nhs/inset-text';
import { SummaryList } from '../../components/nhs/summary-list';
import { formatDateTime } from '../format';
import { CHOICE_WORDS } from './conflict-choices';
import { ConflictDecision } from './conflict-decision';

type RecordRef = NonNullable<SyncConflict['record']>;

/** Records that have a screen of their own link to it. */
function RecordName({ record }: { record: RecordRef }) {
  if (record.type === 'person') return <a href={`#/people/${record.id}`}>{record.label}</a>;
  if (record.type === 'request') return <a href={`#/requests/${record.id}`}>{record.label}</a>;
  return <>{record.label}</>;
}

function OthersSince({ conflict }: { conflict: SyncConflict }) {
  if (conflict.since.length === 0) return <p>Nothing is recorded on the Trust register since.</p>;
  return (
    <table className="nhsuk-table">
      <caption className="nhsuk-u-visually-hidden">What others did since: {conflict.summary}</caption>
      <thead className="nhsuk-table__head">
        <tr className="nhsuk-table__row">
          <th scope="col" className="nhsuk-table__header">
            When
          </th>
          <th scope="col" className="nhsuk-table__header">
            Who
          </th>
          <th scope="col" className="nhsuk-table__header">
            What
          </th>
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {conflict.since.map((event, i) => (
          <tr key={i} className="nhsuk-table__row">
            <td className="nhsuk-table__cell">{formatDateTime(event.at)}</td>
            <td className="nhsuk-table__cell">{event.operatorName ?? 'Not recorded'}</td>
            <td className="nhsuk-table__cell">
              {describeAuditAction({ action: event.action })}: {event.label}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ConflictCard({
  conflict,
  open,
  onOpen,
  onDone,
  onCancel,
}: {
  conflict: SyncConflict;
  /** The choice being decided on this conflict, if any (one action at a time on the screen). */
  open: ConflictChoice | null;
  onOpen: (choice: ConflictChoice) => void;
  onDone: (conflicts: SyncConflict[], message: string) => void;
  onCancel: () => void;
}) {
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  return (
    <section className="nhsuk-card" aria-labelledby={headingId}>
      <div className="nhsuk-card__content">
        <h2 className="nhsuk-card__heading" id={headingId} ref={heading} tabIndex={-1}>
          {conflict.summary}
        </h2>
        <div className="conflict-sides">
          <div>
            <h3>Your change, made here</h3>
            <SummaryList
              rows={[
                { key: 'By', value: conflict.operatorName ?? 'Not recorded' },
                { key: 'When', value: formatDateTime(conflict.at) },
                ...(conflict.record
                  ? [{ key: 'Record', value: <RecordName record={conflict.record} /> }]
                  : []),
                {
                  key: 'Why it waits',
                  value: conflict.problem ?? 'It met a colleague’s change to the same record.',
                },
              ]}
            />
          </div>
          <div>
            <h3>What others did since</h3>
            <OthersSince conflict={conflict} />
            {conflict.existing ? (
              <InsetText>
                Already on the register: <RecordName record={conflict.existing} />
              </InsetText>
            ) : null}
          </div>
        </div>
        {open ? (
          <ConflictDecision conflict={conflict} choice={open} onDone={onDone} onCancel={onCancel} />
        ) : (
          <div className="nhsuk-button-group">
            {conflict.choices.map((choice) => (
              <button
                key={choice}
                type="button"
                className={
                  CHOICE_WORDS[choice].warning
                    ? 'nhsuk-button nhsuk-button--warning'
                    : 'nhsuk-button nhsuk-button--secondary'
                }
                onClick={() => onOpen(choice)}
              >
                {CHOICE_WORDS[choice].button}
                <span className="nhsuk-u-visually-hidden">: {conflict.summary}</span>
              </button>
            ))}
          </div>
        )}
      </div>
    </section>
  );
}
