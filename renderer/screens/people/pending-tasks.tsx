/** Tasks still to do for this person in the target systems. */
import { api } from '../../api/bridge';
import { useQuery } from '../../components/use-query';

export function PendingTasks({ personId, version }: { personId: string; version: number }) {
  const tasks = useQuery(() => api.tasks.list({ state: 'open', personId }), `${personId}:${version}`);
  const list = tasks.value ?? [];
  if (list.length === 0) {
    return (
      <>
        <h2>Pending tasks</h2>
        <p>No tasks are waiting for this person.</p>
        <p>
          <a href="#/requests/new">Record a new request</a>
        </p>
      </>
    );
  }
  return (
    <section aria-labelledby="pending-tasks-heading">
      <h2 id="pending-tasks-heading">Pending tasks</h2>
      <ul>
        {list.map((task) => (
          <li key={task.id}>{task.description}</li>
        ))}
      </ul>
      <p>
        <a href="#/requests">Complete them on the Requests screen</a>
      </p>
    </section>
  );
}
