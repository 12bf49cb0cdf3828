/** The audit trail: chain status, filters and the events, newest first (REP-3). */
import { type FormEvent, useState } from 'react';
import type { AuditEvent, ChainStatus } from '../../shared/model';
import { api } from '../api/bridge';
import { Field } from '../components/field';
import { ErrorAlert } from '../components/feedback';
import { PageHeading } from '../components/page-heading';
import { useAction } from '../components/use-action';
import { useQuery } from '../components/use-query';
import { describeAuditAction } from '../../shared/audit-actions';
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
  const { error, run } = useAction();
  const key = JSON.stringify(applied);
  const events = [...(first.value?.events ?? []), ...(older.key === key ? older.events : [])];
  const total = first.value?.total ?? 0;

  function apply(event: FormEvent) {
    event.preventDefault();
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
        <Field
          label="From"
          type="date"
          value={form.from}
          onChange={(e) => setForm({ ...form, from: e.target.value })}
        />
        <Field
          label="To"
          type="date"
          value={form.to}
          onChange={(e) => setForm({ ...form, to: e.target.value })}
        />
        <button type="submit" className="button">
          Apply filters
        </button>
      </form>
      <table>
        <caption>
          Showing {events.length} of {count(total, 'event')}
        </caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">When</th>
            <th scope="col">Operator</th>
            <th scope="col">Action</th>
            <th scope="col">Subject</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.seq}>
              <td>{event.seq}</td>
              <td>{formatDateTime(event.at)}</td>
              <td>{event.operatorName ?? 'System'}</td>
              <td>{describeAuditAction(event)}</td>
              <td>{event.subjectLabel ?? ''}</td>
              <td>{event.reason ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {events.length < total ? (
        <button type="button" className="button button--secondary" onClick={() => void showOlder()}>
          Show older events
        </button>
      ) : null}
    </>
  );
}
