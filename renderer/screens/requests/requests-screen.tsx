/** Requests: the open ones with their SLA standing, and the tasks waiting for an administrator. */
import { useState } from 'react';
import { REQUEST_TYPE_LABELS } from '../../../shared/requests';
import { api } from '../../api/bridge';
import { ErrorAlert } from '../../components/feedback';
import { PageHeading } from '../../components/page-heading';
import { useQuery } from '../../components/use-query';
import { useCan } from '../../state/session-store';
import { slaText, STATE_LABELS } from './request-labels';
import { TaskList } from './task-list';
import { count } from '../../../shared/plural';

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
          <a className="button" href="#/requests/new">
            Record a new request
          </a>
        </p>
      ) : null}
      <ErrorAlert message={requests.error} />
      <div className="checkbox">
        <input
          id="show-all-requests"
          type="checkbox"
          checked={view === 'all'}
          onChange={(e) => setView(e.target.checked ? 'all' : 'open')}
        />
        <label htmlFor="show-all-requests">Include completed, rejected and withdrawn requests</label>
      </div>
      <table>
        <caption>
          {view === 'open' ? count(list.length, 'open request') : count(list.length, 'request')}
        </caption>
        <thead>
          <tr>
            <th scope="col">Reference</th>
            <th scope="col">Person</th>
            <th scope="col">System</th>
            <th scope="col">Type</th>
            <th scope="col">State</th>
            <th scope="col">Registration standard (REG-7)</th>
          </tr>
        </thead>
        <tbody>
          {list.map((request) => (
            <tr key={request.id}>
              <th scope="row">
                <a href={`#/requests/${request.id}`}>{request.reference}</a>
              </th>
              <td>{request.personName}</td>
              <td>{request.systemName}</td>
              <td>{REQUEST_TYPE_LABELS[request.type]}</td>
              <td>{STATE_LABELS[request.state]}</td>
              <td className={`sla sla--${request.sla.target}`}>{slaText(request)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <TaskList canComplete={canWrite} />
    </>
  );
}
