/** The audit trail: chain status, filters and the events, newest first (REP-3). */
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import type { AuditEvent, ChainStatus } from '../../shared/model';
import { api } from '../api/bridge';
import { Field } from '../components/field';
import { ErrorAlert } from '../components/feedback';
import { PageHeading } from '../components/page-heading';
import { useAction } from '../components/use-action';
import { describeAction } from './audit-actions';
import { formatDateTime } from './format';

const PAGE = 100;

function ChainBanner({ status }: { status: ChainStatus | null }) {
  if (!status) return null;
  return (
    <div className={status.valid ? 'chain chain--valid' : 'chain chain--broken'} role="status">
      {status.valid ? (
        <p>
          <strong>Audit chain intact.</strong> {status.count} events, each linked to the one before.
        </p>
      ) : (
        <p>
          <strong>Audit chain broken at event {status.firstBad?.seq}.</strong> {status.firstBad?.problem}{' '}
          Report this to your Information Governance lead.
        </p>
      )}
    </div>
  );
}

export function AuditScreen() {
  const [status, setStatus] = useState<ChainStatus | null>(null);
  const [events, setEvents] = useState<AuditEvent[]>([]);
  const [total, setTotal] = useState(0);
  const [filter, setFilter] = useState({ text: '', from: '', to: '' });
  const { error, run } = useAction();

  const load = useCallback(
    async (beforeSeq?: number) => {
      const query = {
        limit: PAGE,
        ...(filter.text.trim() ? { text: filter.text.trim() } : {}),
        ...(filter.from ? { from: filter.from } : {}),
        ...(filter.to ? { to: filter.to } : {}),
        ...(beforeSeq ? { beforeSeq } : {}),
      };
      const page = await run(() => api.audit.list(query));
      if (!page) return;
      setEvents((current) => (beforeSeq ? [...current, ...page.events] : page.events));
      setTotal(page.total);
    },
    [filter, run],
  );

  useEffect(() => {
    void run(() => api.audit.verify({})).then((verdict) => verdict && setStatus(verdict));
    void load();
    // Load once on opening; filters apply when the form is submitted.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function apply(event: FormEvent) {
    event.preventDefault();
    void load();
  }

  return (
    <>
      <PageHeading>Audit</PageHeading>
      <ChainBanner status={status} />
      <ErrorAlert message={error} />
      <form className="filters" onSubmit={apply} aria-label="Filter audit events">
        <Field
          label="Search"
          hint="Action, person, reason or operator"
          value={filter.text}
          onChange={(e) => setFilter({ ...filter, text: e.target.value })}
        />
        <Field
          label="From"
          type="date"
          value={filter.from}
          onChange={(e) => setFilter({ ...filter, from: e.target.value })}
        />
        <Field
          label="To"
          type="date"
          value={filter.to}
          onChange={(e) => setFilter({ ...filter, to: e.target.value })}
        />
        <button type="submit" className="button">
          Apply filters
        </button>
      </form>
      <table>
        <caption>
          Showing {events.length} of {total} events
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
              <td>{describeAction(event.action)}</td>
              <td>{event.subjectLabel ?? ''}</td>
              <td>{event.reason ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {events.length < total ? (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void load(events.at(-1)?.seq)}
        >
          Show older events
        </button>
      ) : null}
    </>
  );
}
