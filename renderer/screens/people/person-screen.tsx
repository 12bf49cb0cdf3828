/** One person: details, every account on every system with its status, and their history. */
import { EMPLOYMENT_LABELS } from '../../../shared/register';
import { api } from '../../api/bridge';
import { ErrorAlert } from '../../components/feedback';
import { PageHeading } from '../../components/page-heading';
import { useQuery } from '../../components/use-query';
import { describeAction } from '../audit-actions';
import { formatDateTime } from '../format';

const STATUS_LABELS = {
  pending: 'Pending set-up',
  active: 'Active',
  suspended: 'Suspended',
  disabled: 'Disabled',
  deleted: 'Deleted',
} as const;

export function PersonScreen({ id }: { id: string }) {
  const record = useQuery(() => api.people.get({ id }), id);
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
      <h2>Accounts</h2>
      {person.accounts.length === 0 ? (
        <p>No accounts on any system.</p>
      ) : (
        <table>
          <caption className="visually-hidden">Accounts held by {person.name}</caption>
          <thead>
            <tr>
              <th scope="col">System</th>
              <th scope="col">Role</th>
              <th scope="col">Username</th>
              <th scope="col">Status</th>
              <th scope="col">Last activity</th>
            </tr>
          </thead>
          <tbody>
            {person.accounts.map((account) => (
              <tr key={account.id}>
                <th scope="row">
                  {account.systemName}
                  {account.kind !== 'normal' ? ` (${account.kind})` : ''}
                </th>
                <td>{account.role}</td>
                <td>{account.username ?? ''}</td>
                <td>{STATUS_LABELS[account.status]}</td>
                <td>{account.lastActivityAt ? formatDateTime(account.lastActivityAt) : 'Never'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
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
              <td>{describeAction(event.action)}</td>
              <td>{event.operatorName ?? 'System'}</td>
              <td>{event.reason ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
