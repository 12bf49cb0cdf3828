/** One person: details, every account on every system with its status, and their history. */
import { EMPLOYMENT_LABELS } from '../../../shared/register';
import { api } from '../../api/bridge';
import { useState } from 'react';
import { ErrorAlert, StatusMessage } from '../../components/feedback';
import { PageHeading } from '../../components/page-heading';
import { useQuery } from '../../components/use-query';
import { useCan } from '../../state/session-store';
import { AccountsTable } from './accounts-table';
import { EditPersonForm } from './edit-person-form';
import { PendingTasks } from './pending-tasks';
import { LeaverForm } from './leaver-form';
import { MoverReviewForm } from './mover-review-form';
import { SuspensionsSection } from './suspensions-section';
import { describeAction } from '../audit-actions';
import { formatDateTime } from '../format';

export function PersonScreen({ id }: { id: string }) {
  const canAct = useCan('accounts:write');
  const canEdit = useCan('people:write');
  const [version, setVersion] = useState(0);
  const [outcome, setOutcome] = useState<string[]>([]);
  const record = useQuery(() => api.people.get({ id }), `${id}:${version}`);
  const suspensions = useQuery(() => api.suspensions.list({ personId: id }), `${id}:${version}`);
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
      <dl className="nhsuk-summary-list">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Employee number</dt>
          <dd className="nhsuk-summary-list__value">{person.employeeNumber ?? 'Not recorded'}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Job role and team</dt>
          <dd className="nhsuk-summary-list__value">
            {[person.jobRole, person.team, person.directorate].filter(Boolean).join(', ') || 'Not recorded'}
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Line manager</dt>
          <dd className="nhsuk-summary-list__value">
            {person.lineManager ? (
              <a href={`#/people/${person.lineManager.id}`}>{person.lineManager.name}</a>
            ) : (
              'Not recorded'
            )}
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Employment</dt>
          <dd className="nhsuk-summary-list__value">
            {EMPLOYMENT_LABELS[person.employmentType]}
            {person.finishingDate ? `, finishing ${person.finishingDate}` : ''}
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Smartcard UUID</dt>
          <dd className="nhsuk-summary-list__value">{person.smartcardUuid ?? 'No smartcard recorded'}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Status</dt>
          <dd className="nhsuk-summary-list__value">
            {person.status === 'leaver'
              ? `Left the Trust${person.leftOn ? ` on ${person.leftOn}` : ''}`
              : 'Employed'}
          </dd>
        </div>
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
        key={`accounts-${version}`}
        personName={person.name}
        accounts={person.accounts}
        canAct={canAct}
        done={(m) => after([m])}
      />
      <SuspensionsSection
        key={`suspensions-${version}`}
        suspensions={suspensions.value ?? []}
        canAct={canAct}
        done={(m) => after([m])}
      />
      <PendingTasks personId={person.id} version={version} />
      {canEdit ? <EditPersonForm key={`edit-${version}`} person={person} done={(m) => after([m])} /> : null}
      {canAct && person.status === 'active' ? (
        <>
          <MoverReviewForm key={`mover-${version}`} person={person} done={after} />
          <LeaverForm key={`leaver-${version}`} personId={person.id} done={after} />
        </>
      ) : null}
      <h2>History</h2>
      <table className="nhsuk-table">
        <caption className="nhsuk-u-visually-hidden">History of {person.name}</caption>
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
              <td className="nhsuk-table__cell">{describeAction(event.action)}</td>
              <td className="nhsuk-table__cell">{event.operatorName ?? 'System'}</td>
              <td className="nhsuk-table__cell">{event.reason ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
