/**
 * Requests: the open ones as a queue (most urgent first, sortable and filterable), and the tasks
 * waiting for an administrator. Completing a task reads the requests again, so the table shows the
 * request's new state at once (issue 12 §3).
 */
import { useState } from 'react';
import { api } from '../../api/bridge';
import { ErrorAlert } from '../../components/feedback';
import { PageHeading } from '../../components/page-heading';
import { useQuery } from '../../components/use-query';
import { useCan } from '../../state/session-store';
import { RequestsTable } from './requests-table';
import { TaskList } from './task-list';
import { count } from '../../../shared/plural';

export function RequestsScreen() {
  const canWrite = useCan('requests:write');
  const [view, setView] = useState<'open' | 'all'>('open');
  const requests = useQuery(() => api.requests.list({ view }), view);
  // Until the list is read, say so: "0 open requests" beside a queue that has some is wrong.
  const list = requests.loading ? [] : (requests.value ?? []);
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
      <RequestsTable
        requests={list}
        caption={
          requests.loading
            ? 'Reading the requests…'
            : view === 'open'
              ? count(list.length, 'open request')
              : count(list.length, 'request')
        }
      />
      <TaskList canComplete={canWrite} onCompleted={requests.reload} />
    </>
  );
}
