/** Tasks waiting for an administrator; completing an account set-up records REG-6. */
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { SET_UP_CHECKS, type SetUpCheck, unmetSetUpChecks } from '../../../shared/policy/set-up-checks';
import type { Task } from '../../../shared/requests';
import { api } from '../../api/bridge';
import { Field } from '../../components/field';
import { ErrorAlert, StatusMessage } from '../../components/feedback';
import { useAction } from '../../components/use-action';
import { useQuery } from '../../components/use-query';
import { BulkComplete, repeatedGroups } from './bulk-complete';

export function CompleteTaskForm({ task, onDone }: { task: Task; onDone: (message: string) => void }) {
  const isSetUp = task.action === 'create-account';
  const [username, setUsername] = useState('');
  const [checks, setChecks] = useState({
    trainingArranged: false,
    loginDetailsIssued: false,
    firstLoginChangeSet: false,
  });
  const [note, setNote] = useState('');
  const { busy, run, fieldId, fieldError, summary } = useAction();
  // REG-6 confirmations missing at the last submit: all of them are listed at once (issue 12 §4),
  // where main would refuse only the first.
  const [unmet, setUnmet] = useState<SetUpCheck[]>([]);
  const toggle = (key: keyof typeof checks) => setChecks({ ...checks, [key]: !checks[key] });
  // The form replaces the Complete button that had focus: its first field takes focus, so a
  // keyboard user is not dropped to the page body (issue 12 §6).
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    formRef.current?.querySelector<HTMLInputElement>('input')?.focus();
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setUnmet(isSetUp ? unmetSetUpChecks({ ...checks, note }) : []);
    const done = await run(() =>
      api.tasks.complete({
        id: task.id,
        ...(isSetUp ? { setUp: { username, ...checks, ...(note ? { note } : {}) } } : {}),
        ...(note ? { note } : {}),
      }),
    );
    if (done) onDone(`Done: ${task.description}.`);
  }

  const problems = summary(['setUp.username', 'note', 'setUp.note']);
  const checkId = (key: SetUpCheck['key']) => `${task.id}-${key}`;
  return (
    <form
      className="inline-form"
      onSubmit={submit}
      aria-label={`Complete: ${task.description}`}
      noValidate
      ref={formRef}
    >
      <ErrorAlert
        message={unmet.some((check) => check.refusal === problems.message) ? null : problems.message}
        fieldErrors={[
          ...problems.fieldErrors,
          ...unmet.map((check) => ({ fieldId: checkId(check.key), message: check.refusal })),
        ]}
      />
      {isSetUp ? (
        <>
          <Field
            label="Username created"
            id={fieldId('setUp.username')}
            error={fieldError('setUp.username')}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            autoComplete="off"
          />
          <div className={unmet.length ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'}>
            <div className="nhsuk-checkboxes">
              {SET_UP_CHECKS.map((check) => {
                const refused = unmet.includes(check);
                return (
                  <div key={check.key}>
                    {refused ? (
                      <span className="nhsuk-error-message" id={`${checkId(check.key)}-error`}>
                        <span className="nhsuk-u-visually-hidden">Error: </span>
                        {check.refusal}
                      </span>
                    ) : null}
                    <div className="nhsuk-checkboxes__item">
                      <input
                        className="nhsuk-checkboxes__input"
                        id={checkId(check.key)}
                        type="checkbox"
                        checked={checks[check.key]}
                        aria-describedby={refused ? `${checkId(check.key)}-error` : undefined}
                        onChange={() => toggle(check.key)}
                      />
                      <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={checkId(check.key)}>
                        {check.label}
                      </label>
                    </div>
                  </div>
                );
              })}
            </div>
          </div>
        </>
      ) : null}
      <Field label="Note (optional)" value={note} onChange={(e) => setNote(e.target.value)} />
      <button type="submit" className="nhsuk-button" disabled={busy}>
        Mark done
      </button>
    </form>
  );
}

export function TaskList({
  canComplete,
  onCompleted,
}: {
  canComplete: boolean;
  /** The screen around the list reads its own state again (the request is no longer "Ready to set up"). */
  onCompleted?: () => void;
}) {
  const tasks = useQuery(() => api.tasks.list({ state: 'open' }), 'open-tasks');
  const [open, setOpen] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <section aria-labelledby="tasks-heading">
      <h2 id="tasks-heading">Tasks waiting</h2>
      {message ? <StatusMessage>{message}</StatusMessage> : null}
      <ErrorAlert message={tasks.error} />
      {(tasks.value ?? []).length === 0 ? <p>No tasks are waiting.</p> : null}
      {canComplete
        ? repeatedGroups(tasks.value ?? []).map((group) => (
            <BulkComplete
              key={group.key}
              group={group}
              onDone={(text) => {
                setMessage(text);
                tasks.reload();
                onCompleted?.();
              }}
            />
          ))
        : null}
      <ul className="task-list">
        {(tasks.value ?? []).map((task) => (
          <li key={task.id}>
            <span>{task.description}</span>
            {canComplete && open !== task.id ? (
              <button
                type="button"
                className="nhsuk-button nhsuk-button--small"
                aria-label={`Complete: ${task.description}`}
                onClick={() => setOpen(task.id)}
              >
                Complete
              </button>
            ) : null}
            {open === task.id ? (
              <CompleteTaskForm
                task={task}
                onDone={(text) => {
                  setOpen(null);
                  setMessage(text);
                  tasks.reload();
                  onCompleted?.();
                }}
              />
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
