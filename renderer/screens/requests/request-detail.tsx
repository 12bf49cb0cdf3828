/** One request: who, what, its SLA standing, what it waits for, and what can be done next. */
import { useState } from 'react';
import { REQUEST_TYPE_LABELS } from '../../../shared/requests';
import { api } from '../../api/bridge';
import { ErrorAlert, StatusMessage } from '../../components/feedback';
import { PageHeading } from '../../components/page-heading';
import { useQuery } from '../../components/use-query';
import { useCan } from '../../state/session-store';
import { useFlashStore } from '../../state/flash-store';
import { RequestActions } from './request-actions';
import { STATE_LABELS } from './request-labels';
import { SlaStanding } from './sla-standing';

export function RequestDetailScreen({ id }: { id: string }) {
  const canWrite = useCan('requests:write');
  const [version, setVersion] = useState(0);
  const request = useQuery(() => api.requests.get({ id }), `${id}:${version}`);
  const system = useQuery(
    () => api.catalogue.get({ id: request.value?.systemId ?? '' }),
    request.value?.systemId ?? '',
  );
  const [messages] = useState(() => useFlashStore.getState().take());
  const [done, setDone] = useState<string | null>(null);
  const r = request.value;
  if (!r) {
    return (
      <>
        <PageHeading>Request</PageHeading>
        <ErrorAlert message={request.error} />
      </>
    );
  }
  return (
    <>
      <p>
        <a href="#/requests">Back to requests</a>
      </p>
      <PageHeading>{`Request ${r.reference}`}</PageHeading>
      {messages.length > 0 || done ? (
        <StatusMessage>
          {[done, ...messages].filter(Boolean).map((m) => (
            <p key={m}>{m}</p>
          ))}
        </StatusMessage>
      ) : null}
      <dl className="nhsuk-summary-list">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">State</dt>
          <dd className="nhsuk-summary-list__value">
            {STATE_LABELS[r.state]}
            {r.stateNote && r.state !== 'referred' ? `: ${r.stateNote}` : ''}
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Person</dt>
          <dd className="nhsuk-summary-list__value">
            <a href={`#/people/${r.personId}`}>{r.personName}</a>
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Request</dt>
          <dd className="nhsuk-summary-list__value">
            {REQUEST_TYPE_LABELS[r.type]}: {r.systemName}
            {r.role ? `, ${r.role}` : ''}
            {r.accountKind !== 'normal' ? ` (${r.accountKind} account)` : ''}
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Purpose</dt>
          <dd className="nhsuk-summary-list__value">{r.purpose}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Authorisation</dt>
          <dd className="nhsuk-summary-list__value">
            {r.authorisation
              ? `${r.authorisation.by}, ${r.authorisation.on}, by ${r.authorisation.how}`
              : 'Not yet authorised'}
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Registration standard</dt>
          <dd className="nhsuk-summary-list__value">
            <SlaStanding request={r} />
          </dd>
        </div>
      </dl>
      {r.blockers.length > 0 ? (
        <section aria-labelledby="waiting-heading">
          <h2 id="waiting-heading">Waiting for</h2>
          <ul>
            {r.blockers.map((b) => (
              <li key={b}>{b}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {r.state === 'ready' ? <p>The set-up task is waiting on the Requests screen.</p> : null}
      {canWrite ? (
        <RequestActions
          key={`${r.state}-${request.revision}`}
          request={r}
          system={system.value}
          done={(message) => {
            setDone(message);
            setVersion((v) => v + 1);
          }}
        />
      ) : null}
    </>
  );
}
