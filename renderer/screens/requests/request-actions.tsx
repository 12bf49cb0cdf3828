/** What can be done to an open request: authorise, confirm prerequisites, refer, resume, close. */
import { type FormEvent, useState } from 'react';
import { PREREQUISITE_LABELS, type CatalogueSystem, type Prerequisite } from '../../../shared/catalogue';
import type { Envelope } from '../../../shared/errors';
import type { AccessRequest } from '../../../shared/requests';
import { api } from '../../api/bridge';
import {
  type Authorisation,
  AuthorisationFields,
  NO_AUTHORISATION,
} from '../../components/authorisation-fields';
import { Field } from '../../components/field';
import { SelectField } from '../../components/select-field';
import { ErrorAlert } from '../../components/feedback';
import { useAction } from '../../components/use-action';

type Done = (message: string) => void;

function ActionForm({
  title,
  submitLabel,
  onSubmit,
  children,
}: {
  title: string;
  submitLabel: string;
  onSubmit: () => Promise<unknown>;
  children: React.ReactNode;
}) {
  const { busy, error, run } = useAction();
  return (
    <section aria-label={title} className="action-form">
      <h3>{title}</h3>
      <ErrorAlert message={error} />
      <form
        noValidate
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void run(() => onSubmit() as Promise<Envelope<unknown>>);
        }}
      >
        {children}
        <button type="submit" className="nhsuk-button" disabled={busy}>
          {submitLabel}
        </button>
      </form>
    </section>
  );
}

const after = (done: Done, message: string) => async (result: Envelope<unknown>) => {
  if (result.ok) done(message);
  return result;
};

export function RequestActions({
  request,
  system,
  done,
}: {
  request: AccessRequest;
  system: CatalogueSystem | null;
  done: Done;
}) {
  const [auth, setAuth] = useState<Authorisation>(NO_AUTHORISATION);
  const [met, setMet] = useState<Prerequisite[]>(request.prerequisitesMet);
  const [note, setNote] = useState('');
  const [role, setRole] = useState(request.role ?? '');
  const [reason, setReason] = useState('');
  const needed = system?.roles.find((r) => r.name === request.role)?.prerequisites ?? [];
  const open = ['awaiting-authorisation', 'referred', 'awaiting-prerequisites'].includes(request.state);
  return (
    <>
      {request.state === 'awaiting-authorisation' ? (
        <ActionForm
          title="Record the authorisation"
          submitLabel="Record authorisation"
          onSubmit={() =>
            api.requests
              .authorise({ id: request.id, authorisation: auth })
              .then(after(done, 'Authorisation recorded.'))
          }
        >
          <AuthorisationFields value={auth} onChange={setAuth} />
        </ActionForm>
      ) : null}
      {request.state === 'awaiting-prerequisites' ? (
        <ActionForm
          title="Confirm prerequisites (REG-8)"
          submitLabel="Confirm prerequisites"
          onSubmit={() =>
            api.requests
              .confirmPrerequisites({ id: request.id, prerequisites: met })
              .then(after(done, 'Prerequisites recorded.'))
          }
        >
          {needed.map((p) => (
            <div className="nhsuk-checkboxes__item" key={p}>
              <input
                className="nhsuk-checkboxes__input"
                id={`met-${p}`}
                type="checkbox"
                checked={met.includes(p)}
                onChange={() => setMet(met.includes(p) ? met.filter((m) => m !== p) : [...met, p])}
              />
              <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`met-${p}`}>
                {PREREQUISITE_LABELS[p]}
              </label>
            </div>
          ))}
        </ActionForm>
      ) : null}
      {request.state === 'awaiting-authorisation' || request.state === 'awaiting-prerequisites' ? (
        <ActionForm
          title="Refer to the line manager (REG-3)"
          submitLabel="Refer to line manager"
          onSubmit={() =>
            api.requests.refer({ id: request.id, note }).then(after(done, 'Referred to the line manager.'))
          }
        >
          <Field
            label="What to ask the line manager"
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </ActionForm>
      ) : null}
      {request.state === 'referred' && system ? (
        <ActionForm
          title="Resume with the line manager’s answer"
          submitLabel="Resume request"
          onSubmit={() => api.requests.resume({ id: request.id, role }).then(after(done, 'Request resumed.'))}
        >
          <SelectField
            label="Role confirmed by the line manager"
            value={role}
            options={system.roles.map((r) => [r.name, r.name] as const)}
            onChange={setRole}
          />
        </ActionForm>
      ) : null}
      {open || request.state === 'ready' ? (
        <ActionForm
          title="Reject or withdraw"
          submitLabel="Reject request"
          onSubmit={() =>
            api.requests
              .close({ id: request.id, outcome: 'rejected', reason })
              .then(after(done, 'Request rejected.'))
          }
        >
          <Field label="Reason for rejecting" value={reason} onChange={(e) => setReason(e.target.value)} />
        </ActionForm>
      ) : null}
    </>
  );
}
