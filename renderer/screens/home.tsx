/** Home: the operator's work queue (due, breached, tasks, systems down, licences, temporary staff). */
import type { SessionState } from '../../shared/model';
import { ROLE_LABELS } from '../../shared/permissions';
import type { AccessRequest } from '../../shared/requests';
import type { Dashboard } from '../../shared/contract/dashboard';
import { api } from '../api/bridge';
import { ErrorAlert } from '../components/feedback';
import { PageHeading } from '../components/page-heading';
import { useQuery } from '../components/use-query';
import { useCan } from '../state/session-store';
import { useSyncStore } from '../state/sync-store';
import { count } from '../../shared/plural';
import { LastScreenLink, type Screen } from './last-screen-link';
import { SlaStanding } from './requests/sla-standing';

type Active = Extract<SessionState, { state: 'active' }>;

function RequestLines({ requests, empty }: { requests: AccessRequest[]; empty: string }) {
  if (requests.length === 0) return <p>{empty}</p>;
  return (
    <ul>
      {requests.map((r) => (
        <li key={r.id}>
          <a href={`#/requests/${r.id}`}>{r.reference}</a>: {r.personName}, {r.systemName}{' '}
          <SlaStanding request={r} />
        </li>
      ))}
    </ul>
  );
}

/** Past the table's last date the SLA clock would count bank holidays as working days (REG-7). */
function BankHolidaysWarning({ coverage }: { coverage: Dashboard['bankHolidays'] }) {
  if (coverage.covered) return null;
  return (
    <section aria-labelledby="bank-holidays-heading" className="card">
      <h2 id="bank-holidays-heading">Bank holidays run out</h2>
      <p>
        {coverage.latest
          ? `The bank holiday table ends on ${coverage.latest}, before ${coverage.neededUntil} (twelve months ahead).`
          : 'The bank holiday table is empty.'}{' '}
        After its last date the SLA clock counts bank holidays as working days (REG-7).
      </p>
      <p>
        <a href="#/catalogue">Import the GOV.UK bank holidays on the Catalogue screen</a>
      </p>
    </section>
  );
}

function WorkQueue() {
  const queue = useQuery(() => api.dashboard.queue({}), 'queue');
  const q = queue.value;
  if (!q) return <ErrorAlert message={queue.error} />;
  return (
    <div className="dashboard">
      <BankHolidaysWarning coverage={q.bankHolidays} />
      {/* Breached first: the most urgent work leads (issue 12 §5). */}
      <section aria-labelledby="breached-heading" className="nhsuk-card nhsuk-card__content">
        <h2 id="breached-heading">Breached ({q.requestsBreached.length})</h2>
        <RequestLines requests={q.requestsBreached} empty="No request is past its target." />
        <p>
          {q.requestsOnTime} on time; {q.requestsWaiting} waiting for authorisation.
        </p>
      </section>
      <section aria-labelledby="due-heading" className="nhsuk-card nhsuk-card__content">
        <h2 id="due-heading">Due today ({q.requestsDueToday.length})</h2>
        <RequestLines requests={q.requestsDueToday} empty="No request reaches its target today." />
      </section>
      <section aria-labelledby="tasks-heading" className="nhsuk-card nhsuk-card__content">
        <h2 id="tasks-heading">Tasks waiting ({q.tasksWaiting})</h2>
        <ul>
          {q.tasks.map((t) => (
            <li key={t.id}>
              {t.requestId ? <a href={`#/requests/${t.requestId}`}>{t.description}</a> : t.description}
            </li>
          ))}
        </ul>
        <p>
          <a href="#/requests">Go to requests and tasks</a>
        </p>
      </section>
      <section aria-labelledby="down-heading" className="nhsuk-card nhsuk-card__content">
        <h2 id="down-heading">Systems down ({q.systemsDown.length})</h2>
        {q.systemsDown.length === 0 ? (
          <p>Every system is available.</p>
        ) : (
          <ul>
            {q.systemsDown.map((s) => (
              <li key={s.systemId}>
                <a href="#/downtime">{s.systemName}</a> ({s.severity})
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="licence-heading" className="nhsuk-card nhsuk-card__content">
        <h2 id="licence-heading">Licences above 90% ({q.licencesNearlyUsed.length})</h2>
        {q.licencesNearlyUsed.length === 0 ? (
          <p>No licence allocation is above 90%.</p>
        ) : (
          <ul>
            {q.licencesNearlyUsed.map((l) => (
              <li key={`${l.systemName}-${l.organisation}`}>
                <a href="#/catalogue">{l.systemName}</a>, {l.organisation}: {l.used} of {l.allocation} (
                {l.year})
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="temporary-heading" className="nhsuk-card nhsuk-card__content">
        <h2 id="temporary-heading">
          Temporary staff ending within 14 days ({q.temporaryStaffEnding.length})
        </h2>
        {q.temporaryStaffEnding.length === 0 ? (
          <p>Nobody’s contract ends in the next 14 days.</p>
        ) : (
          <ul>
            {q.temporaryStaffEnding.map((p) => (
              <li key={p.personId}>
                <a href={`#/people/${p.personId}`}>{p.name}</a>:{' '}
                {p.finishingDate < q.today ? 'ended' : 'ends'} {p.finishingDate}, {p.liveAccounts} live
                account{p.liveAccounts === 1 ? '' : 's'}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

/** On a workstation joined to a Trust register: offline changes waiting for a decision (issue 11 §2). */
function ConflictsWaiting() {
  const status = useSyncStore((s) => s.status);
  if (!status?.connected) return null;
  return (
    <section aria-labelledby="conflicts-heading" className="nhsuk-card nhsuk-card__content">
      <h2 id="conflicts-heading">Conflicts waiting ({status.conflicts})</h2>
      {status.conflicts === 0 ? (
        <p>No change made here is waiting for a decision.</p>
      ) : (
        <p>
          {count(status.conflicts, 'change')} made here did not reach the Trust register as made and{' '}
          {status.conflicts === 1 ? 'waits' : 'wait'} for you.{' '}
          <a href="#/conflicts">Decide on the Conflicts screen</a>
        </p>
      )}
    </section>
  );
}

export function HomeScreen({ session, screens = [] }: { session: Active; screens?: readonly Screen[] }) {
  const canSeeQueue = useCan('requests:read');
  return (
    <>
      <PageHeading>Home</PageHeading>
      <p className="nhsuk-body-l">
        Signed in as {session.operator.name}, {ROLE_LABELS[session.operator.role].toLowerCase()}. Gatehouse
        locks after {count(session.idleLockMinutes, 'minute')} without activity.
      </p>
      <ConflictsWaiting />
      <LastScreenLink screens={screens} />
      {canSeeQueue ? <WorkQueue /> : <p>Use the navigation to reach the screens your role allows.</p>}
    </>
  );
}
