/** Downtime (DT-1, DT-2): mark systems down and back up, key in what waited, and the incident log. */
import { type FormEvent, useState } from 'react';
import { SEVERITIES } from '../../shared/catalogue';
import { api } from '../api/bridge';
import { Field } from '../components/field';
import { SelectField } from '../components/select-field';
import { ErrorAlert, StatusMessage } from '../components/feedback';
import { PageHeading } from '../components/page-heading';
import { useAction } from '../components/use-action';
import { useQuery } from '../components/use-query';
import { useCan } from '../state/session-store';
import { formatDateTime } from './format';
import { CompleteTaskForm } from './requests/task-list';

function MarkDownForm({ done }: { done: (message: string) => void }) {
  const systems = useQuery(() => api.catalogue.list({}), 'systems');
  const [system, setSystem] = useState('');
  const [severity, setSeverity] = useState<(typeof SEVERITIES)[number]>('high');
  const [note, setNote] = useState('');
  const { busy, error, run } = useAction();
  async function submit(event: FormEvent) {
    event.preventDefault();
    const incident = await run(() => api.downtime.markDown({ systemId: system, severity, note }));
    if (incident) done(`${incident.systemName} is marked down (${incident.severity}).`);
  }
  return (
    <section aria-labelledby="mark-down-heading" className="action-form">
      <h2 id="mark-down-heading">Mark a system down</h2>
      <ErrorAlert message={error} />
      <form onSubmit={submit} noValidate>
        <SelectField
          label="System"
          value={system}
          placeholder="Choose a system"
          options={(systems.value ?? [])
            .filter((s) => s.availability.status === 'available')
            .map((s) => [s.id, s.name] as const)}
          onChange={setSystem}
        />
        <SelectField
          label="Severity (business impact)"
          value={severity}
          options={SEVERITIES.map((s) => [s, s[0]!.toUpperCase() + s.slice(1)] as const)}
          onChange={setSeverity}
        />
        <Field label="What is known" value={note} onChange={(e) => setNote(e.target.value)} />
        <button type="submit" className="nhsuk-button nhsuk-button--warning" disabled={busy}>
          Mark down
        </button>
      </form>
    </section>
  );
}

export function DowntimeScreen() {
  const canAct = useCan('accounts:write');
  const [version, setVersion] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const [completing, setCompleting] = useState<string | null>(null);
  const down = useQuery(() => api.downtime.current({}), `down:${version}`);
  const reconciliation = useQuery(() => api.downtime.reconciliation({}), `rec:${version}`);
  const log = useQuery(() => api.downtime.log({}), `log:${version}`);
  const { error, run } = useAction();
  const done = (text: string) => {
    setMessage(text);
    setCompleting(null);
    setVersion((v) => v + 1);
  };
  return (
    <>
      <PageHeading>Downtime</PageHeading>
      {message ? <StatusMessage>{message}</StatusMessage> : null}
      <ErrorAlert message={error ?? down.error} />
      <h2>Systems down</h2>
      {(down.value ?? []).length === 0 ? <p>Every system is available.</p> : null}
      <ul className="task-list">
        {(down.value ?? []).map((s) => (
          <li key={s.systemId}>
            <span>
              {s.systemName}: {s.severity}, since {formatDateTime(s.since)}
            </span>
            {canAct ? (
              <button
                type="button"
                className="nhsuk-button nhsuk-button--small"
                aria-label={`Mark ${s.systemName} back up`}
                onClick={() =>
                  void run(() => api.downtime.markUp({ systemId: s.systemId })).then(
                    (i) => i && done(`${i.systemName} is back; its waiting tasks can be keyed in.`),
                  )
                }
              >
                Back up
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {/* Remounted after each change, so a system back up is offered again at once (issue 12 §3). */}
      {canAct ? <MarkDownForm key={version} done={done} /> : null}
      <section aria-labelledby="reconcile-heading">
        <h2 id="reconcile-heading">To reconcile</h2>
        {(reconciliation.value ?? []).length === 0 ? <p>Nothing is waiting to be keyed in.</p> : null}
        {(reconciliation.value ?? []).map((group) => (
          <section
            key={group.systemId}
            aria-label={`To reconcile on ${group.systemName}`}
            className="nhsuk-card nhsuk-card__content"
          >
            <h3>
              {group.systemName}: {group.down ? 'still down, waiting' : 'back, ready to key in'}
            </h3>
            <ul className="task-list">
              {group.tasks.map((task) => (
                <li key={task.id}>
                  <span>{task.description}</span>
                  {!group.down && canAct && completing !== task.id ? (
                    <button
                      type="button"
                      className="nhsuk-button nhsuk-button--small"
                      aria-label={`Complete: ${task.description}`}
                      onClick={() => setCompleting(task.id)}
                    >
                      Complete
                    </button>
                  ) : null}
                  {completing === task.id ? <CompleteTaskForm task={task} onDone={done} /> : null}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </section>
      <h2>Downtime log</h2>
      <table className="nhsuk-table">
        <caption className="nhsuk-u-visually-hidden">Downtime incidents</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th scope="col" className="nhsuk-table__header">
              System
            </th>
            <th scope="col" className="nhsuk-table__header">
              Severity
            </th>
            <th scope="col" className="nhsuk-table__header">
              Started
            </th>
            <th scope="col" className="nhsuk-table__header">
              Ended
            </th>
            <th scope="col" className="nhsuk-table__header">
              Duration
            </th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {(log.value ?? []).map((i) => (
            <tr key={i.id} className="nhsuk-table__row">
              <th scope="row" className="nhsuk-table__header">
                {i.systemName}
              </th>
              <td className="nhsuk-table__cell">{i.severity}</td>
              <td className="nhsuk-table__cell">{formatDateTime(i.startedAt)}</td>
              <td className="nhsuk-table__cell">{i.endedAt ? formatDateTime(i.endedAt) : 'Still down'}</td>
              <td className="nhsuk-table__cell">
                {i.minutes === null ? '' : `${Math.floor(i.minutes / 60)} h ${i.minutes % 60} min`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
