/**
 * One person's record in parts (issue 12 §2): a summary at the top, then the part the operator is on
 * (Accounts, Requests and tasks, Suspensions, History) as tabs, and one action at a time (change
 * details, a mover review, a leaver) on its own sub-page. After any action the record is read again
 * and one success banner says what happened; an earlier one is replaced, not stacked.
 */
import { useState } from 'react';
import { api } from '../../api/bridge';
import { ErrorAlert, StatusMessage } from '../../components/feedback';
import { PageHeading } from '../../components/page-heading';
import { useQuery } from '../../components/use-query';
import { navigate } from '../../routing/use-hash-route';
import { currentViewer, useCan } from '../../state/session-store';
import { describeAuditAction } from '../../../shared/audit-actions';
import { formatDateTime } from '../format';
import { AccountsTable } from './accounts-table';
import { EditPersonForm } from './edit-person-form';
import { LeaverForm } from './leaver-form';
import { MoverReviewForm } from './mover-review-form';
import { PendingTasks } from './pending-tasks';
import { PartsNav, partPath, type RecordPart } from './person-parts';
import { PersonSummary } from './person-summary';
import { ProposedAccess } from './proposed-access';
import { readPerson } from './read-person';
import { SuspensionsSection } from './suspensions-section';

export function PersonScreen({ id, part }: { id: string; part: RecordPart }) {
  const canAct = useCan('accounts:write');
  const canEdit = useCan('people:write');
  const [version, setVersion] = useState(0);
  const [outcome, setOutcome] = useState<{ lines: string[]; at: number } | null>(null);
  // The viewer is the operator this window was opened for: a view is recorded only in their name (USE-3).
  const record = useQuery(() => readPerson(id, currentViewer(), String(version)), `${id}:${version}`);
  const suspensions = useQuery(() => api.suspensions.list({ personId: id }), `${id}:${version}`);
  // Forms are keyed on the revision of the record they were filled from, not on `version`: a new
  // version remounts nothing until the re-read record arrives, so no form restarts from stale values.
  /** After an action: read the record again, show its outcome, and go back to the part it concerns. */
  const after = (lines: string[], backTo?: RecordPart) => {
    setOutcome({ lines, at: Date.now() });
    setVersion((v) => v + 1);
    if (backTo) navigate(partPath(id, backTo).slice(1));
  };
  const value = record.value;
  if (!value) {
    return (
      <>
        <PageHeading>Person</PageHeading>
        <ErrorAlert message={record.error} />
      </>
    );
  }
  const { person, history } = value;
  const inForce = suspensions.value ?? [];
  const stillActive = person.status === 'active';
  return (
    <>
      <p>
        <a href="#/people">Back to people</a>
      </p>
      <PageHeading>{person.name}</PageHeading>
      {outcome ? (
        <StatusMessage key={outcome.at}>
          {outcome.lines.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </StatusMessage>
      ) : null}
      <PersonSummary person={person} canEdit={canEdit} />
      {canAct && stillActive ? (
        <ul className="nhsuk-list record-actions" aria-label="Actions for this person">
          <li>
            <a href={partPath(id, 'mover')}>Review access for a move</a>
          </li>
          <li>
            <a href={partPath(id, 'leaver')}>De-register as a leaver</a>
          </li>
        </ul>
      ) : null}
      {part === 'details' && canEdit ? (
        <EditPersonForm
          key={`edit-${record.revision}`}
          person={person}
          done={(m) => after([m], 'accounts')}
        />
      ) : part === 'mover' && canAct && stillActive ? (
        <MoverReviewForm
          key={`mover-${record.revision}`}
          person={person}
          done={(lines) => after(lines, 'accounts')}
        />
      ) : part === 'leaver' && canAct && stillActive ? (
        <LeaverForm
          key={`leaver-${record.revision}`}
          person={person}
          done={(lines) => after(lines, 'accounts')}
        />
      ) : (
        <div className="nhsuk-frontend-supported record-parts">
          <div className="nhsuk-tabs">
            <PartsNav
              personId={id}
              current={part}
              counts={{ accounts: person.accounts.length, suspensions: inForce.length }}
            />
            <div className="nhsuk-tabs__panel">
              {part === 'requests' ? (
                <PendingTasks personId={person.id} version={version} />
              ) : part === 'suspensions' ? (
                <SuspensionsSection
                  key={`suspensions-${suspensions.revision}`}
                  suspensions={inForce}
                  canAct={canAct}
                  done={(m) => after([m])}
                />
              ) : part === 'history' ? (
                <History history={history} personName={person.name} />
              ) : (
                <>
                  <h2>Accounts</h2>
                  <AccountsTable
                    key={`accounts-${record.revision}`}
                    personName={person.name}
                    accounts={person.accounts}
                    canAct={canAct}
                    done={(m) => after([m])}
                  />
                  {stillActive ? (
                    <ProposedAccess personId={person.id} version={record.revision} done={after} />
                  ) : null}
                </>
              )}
            </div>
          </div>
        </div>
      )}
    </>
  );
}

function History({
  history,
  personName,
}: {
  history: {
    seq: number;
    at: string;
    action: string;
    after: unknown;
    operatorName: string | null;
    reason: string | null;
  }[];
  personName: string;
}) {
  return (
    <>
      <h2>History</h2>
      <table className="nhsuk-table">
        <caption className="nhsuk-u-visually-hidden">History of {personName}</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th scope="col" className="nhsuk-table__header">
              When
            </th>
            <th scope="col" className="nhsuk-table__header">
              What
            </th>
            <th scope="col" className="nhsuk-table__header">
              By
            </th>
            <th scope="col" className="nhsuk-table__header">
              Reason
            </th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {history.map((event) => (
            <tr key={event.seq} className="nhsuk-table__row">
              <td className="nhsuk-table__cell">{formatDateTime(event.at)}</td>
              <td className="nhsuk-table__cell">{describeAuditAction(event)}</td>
              <td className="nhsuk-table__cell">{event.operatorName ?? 'System'}</td>
              <td className="nhsuk-table__cell">{event.reason ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
