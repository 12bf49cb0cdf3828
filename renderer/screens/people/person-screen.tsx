/** One person: details, every account on every system with its status, and their history. */
import { EMPLOYMENT_LABELS } from '../../../shared/register';
import { api } from '../../api/bridge';
import { useState } from 'react';
import { ErrorAlert, StatusMessage } from '../../components/feedback';
import { PageHeading } from '../../components/page-heading';
import { useQuery } from '../../components/use-query';
import { currentViewer, useCan } from '../../state/session-store';
import { AccountsTable } from './accounts-table';
import { EditPersonForm } from './edit-person-form';
import { PendingTasks } from './pending-tasks';
import { ProposedAccess } from './proposed-access';
import { LeaverForm } from './leaver-form';
import { MoverReviewForm } from './mover-review-form';
import { SuspensionsSection } from './suspensions-section';
import { describeAuditAction } from '../../../shared/audit-actions';
import { formatDateTime } from '../format';

export function PersonScreen({ id }: { id: string }) {
  const canAct = useCan('accounts:write');
  const canEdit = useCan('people:write');
  const [version, setVersion] = useState(0);
  const [outcome, setOutcome] = useState<string[]>([]);
  const record = useQuery(() => api.people.get({ id, viewer: currentViewer() }), `${id}:${version}`);
  const suspensions = useQuery(() => api.suspensions.list({ personId: id }), `${id}:${version}`);
  // Forms are keyed on the revision of the record they were filled from, not on `version`: a new
  // version remounts nothing until the re-read record arrives, so no form restarts from stale values.
  const after = (lines: string[]) => {
    setOutcome(lines);
    setVersion((v) => v + 1);
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
  return (
    <>
      <p>
        <a href="#/people">Back to people</a>
      </p>
      <PageHeading>{person.name}</PageHeading>
      <dl className="summary-list">
        <dt>Employee number</dt>
        <dd>{person.employeeNumber ?? 'Not recorded'}</dd>
        <dt>Job role and team</dt>
        <dd>
          {[person.jobRole, person.team, person.directorate].filter(Boolean).join(', ') || 'Not recorded'}
        </dd>
        <dt>Line manager</dt>
        <dd>
          {person.lineManager ? (
            <a href={`#/people/${person.lineManager.id}`}>{person.lineManager.name}</a>
          ) : (
            'Not recorded'
          )}
        </dd>
        <dt>Employment</dt>
        <dd>
          {EMPLOYMENT_LABELS[person.employmentType]}
          {person.finishingDate ? `, finishing ${person.finishingDate}` : ''}
        </dd>
        <dt>Smartcard UUID</dt>
        <dd>{person.smartcardUuid ?? 'No smartcard recorded'}</dd>
        <dt>Status</dt>
        <dd>
          {person.status === 'leaver'
            ? `Left the Trust${person.leftOn ? ` on ${person.leftOn}` : ''}`
            : 'Employed'}
        </dd>
      </dl>
      {outcome.length > 0 ? (
        <StatusMessage>
          {outcome.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </StatusMessage>
      ) : null}
      <h2>Accounts</h2>
      <AccountsTable
        key={`accounts-${record.revision}`}
        personName={person.name}
        accounts={person.accounts}
        canAct={canAct}
        done={(m) => after([m])}
      />
      <SuspensionsSection
        key={`suspensions-${suspensions.revision}`}
        suspensions={suspensions.value ?? []}
        canAct={canAct}
        done={(m) => after([m])}
      />
      <PendingTasks personId={person.id} version={version} />
      {person.status === 'active' ? (
        <ProposedAccess personId={person.id} version={record.revision} done={after} />
      ) : null}
      {canEdit ? (
        <EditPersonForm key={`edit-${record.revision}`} person={person} done={(m) => after([m])} />
      ) : null}
      {canAct && person.status === 'active' ? (
        <>
          <MoverReviewForm key={`mover-${record.revision}`} person={person} done={after} />
          <LeaverForm key={`leaver-${record.revision}`} personId={person.id} done={after} />
        </>
      ) : null}
      <h2>History</h2>
      <table>
        <caption className="visually-hidden">History of {person.name}</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">What</th>
            <th scope="col">By</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {history.map((event) => (
            <tr key={event.seq}>
              <td>{formatDateTime(event.at)}</td>
              <td>{describeAuditAction(event)}</td>
              <td>{event.operatorName ?? 'System'}</td>
              <td>{event.reason ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
