/** The audit trail: chain status, filters and the events, newest first (REP-3). */
import { type FormEvent, useState } from 'react';
import type { AuditEvent, ChainStatus } from '../../shared/model';
import { api } from '../api/bridge';
import { Field } from '../components/field';
import { DateInput } from '../components/nhs/date-input';
import { ErrorAlert } from '../components/feedback';
import { PageHeading } from '../components/page-heading';
import { useAction } from '../components/use-action';
import { useQuery } from '../components/use-query';
import { describeAuditAction } from '../../shared/audit-actions';
import { AuditEventDetail } from './audit-event-detail';
import { formatDateTime } from './format';
import { count } from '../../shared/plural';

const PAGE = 100;

function ChainBanner({ status }: { status: ChainStatus | null }) {
  if (!status) return null;
  return (
    <div className={status.valid ? 'chain chain--valid' : 'chain chain--broken'} role="status">
      {status.valid ? (
        <p>
          <strong>Audit chain intact.</strong> {count(status.count, 'event')}, each linked to the one before.
        </p>
      ) : (
        <p>
          <strong>
            {status.firstBad
              ? `Audit chain broken at event ${status.firstBad.seq}.`
              : 'Audit trail not trustworthy.'}
          </strong>{' '}
          {status.firstBad?.problem ?? status.problems[0]} Report this to your Information Governance lead.
        </p>
      )}
    </div>
  );
}

interface AuditQuery {
  text: string;
  from: string;
  to: string;
}

function toFilter(query: AuditQuery, beforeSeq?: number) {
  return {
    limit: PAGE,
    ...(query.text.trim() ? { text: query.text.trim() } : {}),
    ...(query.from ? { from: query.from } : {}),
    ...(query.to ? { to: query.to } : {}),
    ...(beforeSeq ? { beforeSeq } : {}),
  };
}

export function AuditScreen() {
  const chain = useQuery(() => api.audit.verify({}), 'chain');
  const [form, setForm] = useState<AuditQuery>({ text: '', from: '', to: '' });
  const [applied, setApplied] = useState<AuditQuery>(form);
  const first = useQuery(() => api.audit.list(toFilter(applied)), JSON.stringify(applied));
  const [older, setOlder] = useState<{ key: string; events: AuditEvent[] }>({ key: '', events: [] });
  const { error, setError, run } = useAction();
  const [opened, setOpened] = useState<number | null>(null);
  const key = JSON.stringify(applied);
  const events = [...(first.value?.events ?? []), ...(older.key === key ? older.events : [])];
  const total = first.value?.total ?? 0;
  const openedEvent = events.find((e) => e.seq === opened);

  function apply(event: FormEvent) {
    event.preventDefault();
    if (form.from && form.to && form.from > form.to) {
      setError(`The From date (${form.from}) is after the To date (${form.to}). Swap them or change one.`);
      return;
    }
    setError(null);
    setApplied({ ...form });
  }

  async function showOlder() {
    const page = await run(() => api.audit.list(toFilter(applied, events.at(-1)?.seq)));
    if (page) setOlder({ key, events: [...(older.key === key ? older.events : []), ...page.events] });
  }

  return (
    <>
      <PageHeading>Audit</PageHeading>
      <ChainBanner status={chain.value} />
      <ErrorAlert message={error ?? first.error ?? chain.error} />
      <form className="filters" onSubmit={apply} aria-label="Filter audit events">
        <Field
          label="Search"
          hint="Action, person, reason or operator"
          value={form.text}
          onChange={(e) => setForm({ ...form, text: e.target.value })}
        />
        <DateInput label="From" value={form.from} onChange={(from) => setForm({ ...form, from })} />
        <DateInput label="To" value={form.to} onChange={(to) => setForm({ ...form, to })} />
        <button type="submit" className="nhsuk-button">
          Apply filters
        </button>
      </form>
      {openedEvent ? <AuditEventDetail event={openedEvent} onClose={() => setOpened(null)} /> : null}
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption">
          Showing {events.length} of {count(total, 'event')}
        </caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th scope="col" className="nhsuk-table__header">
              #
            </th>
            <th scope="col" className="nhsuk-table__header">
              When
            </th>
            <th scope="col" className="nhsuk-table__header">
              Operator
            </th>
            <th scope="col" className="nhsuk-table__header">
              Action
            </th>
            <th scope="col" className="nhsuk-table__header">
              Subject
            </th>
            <th scope="col" className="nhsuk-table__header">
              Reason
            </th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {events.map((event) => (
            <tr key={event.seq} className="nhsuk-table__row">
              <td className="nhsuk-table__cell">{event.seq}</td>
              <td className="nhsuk-table__cell">{formatDateTime(event.at)}</td>
              <td className="nhsuk-table__cell">{event.operatorName ?? 'System'}</td>
              <td className="nhsuk-table__cell">
                <button type="button" className="link-button" onClick={() => setOpened(event.seq)}>
                  {describeAuditAction(event)}
                  <span className="nhsuk-u-visually-hidden">, event {event.seq}: details</span>
                </button>
              </td>
              <td className="nhsuk-table__cell">{event.subjectLabel ?? ''}</td>
              <td className="nhsuk-table__cell">{event.reason ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {events.length < total ? (
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary"
          onClick={() => void showOlder()}
        >
          Show older events
        </button>
      ) : null}
    </>
  );
}
