/** Requests: the open ones with their SLA standing, and the tasks waiting for an administrator. */
import { useState } from 'react';
import { REQUEST_TYPE_LABELS } from '../../../shared/requests';
import { api } from '../../api/bridge';
import { ErrorAlert } from '../../components/feedback';
import { PageHeading } from '../../components/page-heading';
import { useQuery } from '../../components/use-query';
import { useCan } from '../../state/session-store';
import { STATE_LABELS } from './request-labels';
import { SlaStanding } from './sla-standing';
import { TaskList } from './task-list';

export function RequestsScreen() {
  const canWrite = useCan('requests:write');
  const [view, setView] = useState<'open' | 'all'>('open');
  const requests = useQuery(() => api.requests.list({ view }), view);
  const list = requests.value ?? [];
  return (
    <>
      <PageHeading>Requests</PageHeading>
      {canWrite ? (
        <p>
          <a className="nhsuk-button" href="#/requests/new">
            Record a new request
          </a>
        </p>
      ) : null}
      <ErrorAlert message={requests.error} />
      <div className="nhsuk-checkboxes__item">
        <input
          className="nhsuk-checkboxes__input"
          id="show-all-requests"
          type="checkbox"
          checked={view === 'all'}
          onChange={(e) => setView(e.target.checked ? 'all' : 'open')}
        />
        <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="show-all-requests">
          Include completed, rejected and withdrawn requests
        </label>
      </div>
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption">
          {view === 'open' ? `${list.length} open requests` : `${list.length} requests`}
        </caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th scope="col" className="nhsuk-table__header">
              Reference
            </th>
            <th scope="col" className="nhsuk-table__header">
              Person
            </th>
            <th scope="col" className="nhsuk-table__header">
              System
            </th>
            <th scope="col" className="nhsuk-table__header">
              Type
            </th>
            <th scope="col" className="nhsuk-table__header">
              State
            </th>
            <th scope="col" className="nhsuk-table__header">
              Registration standard (REG-7)
            </th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {list.map((request) => (
            <tr key={request.id} className="nhsuk-table__row">
              <th scope="row" className="nhsuk-table__header">
                <a href={`#/requests/${request.id}`}>{request.reference}</a>
              </th>
              <td className="nhsuk-table__cell">{request.personName}</td>
              <td className="nhsuk-table__cell">{request.systemName}</td>
              <td className="nhsuk-table__cell">{REQUEST_TYPE_LABELS[request.type]}</td>
              <td className="nhsuk-table__cell">{STATE_LABELS[request.state]}</td>
              <td className="nhsuk-table__cell">
                <SlaStanding request={request} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <TaskList canComplete={canWrite} />
    </>
  );
}
