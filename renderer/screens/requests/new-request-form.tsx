/** Record a request as the service desk received it (REG-1). Main applies every rule again. */
import { type FormEvent, useId, useState } from 'react';
import { PREREQUISITE_LABELS, type Prerequisite } from '../../../shared/catalogue';
import type { PersonSummary } from '../../../shared/register';
import {
  AUTHORISATION_ROUTES,
  REQUEST_TYPE_LABELS,
  REQUEST_TYPES,
  type RequestType,
} from '../../../shared/requests';
import { api } from '../../api/bridge';
import { Field } from '../../components/field';
import { ErrorAlert } from '../../components/feedback';
import { PageHeading } from '../../components/page-heading';
import { useAction } from '../../components/use-action';
import { useQuery } from '../../components/use-query';
import { PersonPicker } from './person-picker';

const PURPOSES = {
  'direct-care': 'Direct care',
  administration: 'Administration',
  'secondary-use': 'Secondary use (research, audit outside direct care)',
} as const;

export function NewRequestScreen({ onRecorded }: { onRecorded: (id: string, warnings: string[]) => void }) {
  const ids = {
    type: useId(),
    system: useId(),
    role: useId(),
    purposeKind: useId(),
    how: useId(),
    kind: useId(),
  };
  const systems = useQuery(() => api.catalogue.list({}), 'systems');
  const [person, setPerson] = useState<PersonSummary | null>(null);
  const [type, setType] = useState<RequestType>('new-user');
  const [systemId, setSystemId] = useState('');
  const [role, setRole] = useState('');
  const [kind, setKind] = useState<'normal' | 'admin' | 'generic'>('normal');
  const [form, setForm] = useState({
    reference: '',
    purpose: '',
    authorisedBy: '',
    authorisedOn: '',
    igReference: '',
    endDate: '',
  });
  const [purposeKind, setPurposeKind] = useState<keyof typeof PURPOSES>('direct-care');
  const [how, setHow] = useState<(typeof AUTHORISATION_ROUTES)[number]>('email');
  const [met, setMet] = useState<Prerequisite[]>([]);
  const { busy, error, setError, run } = useAction();
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });
  const system = systems.value?.find((s) => s.id === systemId);
  const needed = system?.roles.find((r) => r.name === role)?.prerequisites ?? [];

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!person) return setError('Choose the person the request is for.');
    if (!system) return setError('Choose the system.');
    const authorised = form.authorisedBy.trim() !== '' || form.authorisedOn !== '';
    const result = await run(() =>
      api.requests.create({
        type,
        reference: form.reference,
        personId: person.id,
        systemId,
        purpose: form.purpose,
        purposeKind,
        accountKind: kind,
        prerequisitesMet: met,
        ...(role ? { role } : {}),
        ...(authorised ? { authorisation: { by: form.authorisedBy, on: form.authorisedOn, how } } : {}),
        ...(kind === 'generic'
          ? { genericIgReference: form.igReference, genericEndDate: form.endDate || undefined }
          : {}),
      }),
    );
    if (result) onRecorded(result.request.id, result.warnings);
  }

  return (
    <>
      <p>
        <a href="#/requests">Back to requests</a>
      </p>
      <PageHeading>Record a request</PageHeading>
      <ErrorAlert message={error ?? systems.error} />
      <form onSubmit={submit} noValidate>
        <Field
          label="Service-desk reference"
          value={form.reference}
          onChange={set('reference')}
          autoComplete="off"
        />
        <PersonPicker chosen={person} onChoose={setPerson} />
        <div className="field">
          <label htmlFor={ids.type}>Request type</label>
          <select id={ids.type} value={type} onChange={(e) => setType(e.target.value as RequestType)}>
            {REQUEST_TYPES.map((t) => (
              <option key={t} value={t}>
                {REQUEST_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.system}>System</label>
          <select
            id={ids.system}
            value={systemId}
            onChange={(e) => {
              setSystemId(e.target.value);
              setRole('');
              setMet([]);
            }}
          >
            <option value="">Choose a system</option>
            {(systems.value ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        {system && type !== 'deletion' ? (
          <div className="field">
            <label htmlFor={ids.role}>Role</label>
            <select
              id={ids.role}
              value={role}
              onChange={(e) => {
                setRole(e.target.value);
                setMet([]);
              }}
            >
              <option value="">Choose a role</option>
              {system.roles.map((r) => (
                <option key={r.name} value={r.name}>
                  {r.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor={ids.kind}>Account kind</label>
          <select id={ids.kind} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
            <option value="normal">Normal (individual)</option>
            <option value="admin">Admin (Digital staff, beside a normal account)</option>
            <option value="generic">Generic login (exceptional, REG-5)</option>
          </select>
        </div>
        {kind === 'generic' ? (
          <>
            <Field
              label="Information Governance approval reference"
              value={form.igReference}
              onChange={set('igReference')}
            />
            <Field
              label="Generic login end date"
              type="date"
              value={form.endDate}
              onChange={set('endDate')}
            />
          </>
        ) : null}
        <Field label="Purpose" hint="What the access is for" value={form.purpose} onChange={set('purpose')} />
        <div className="field">
          <label htmlFor={ids.purposeKind}>Kind of purpose</label>
          <select
            id={ids.purposeKind}
            value={purposeKind}
            onChange={(e) => setPurposeKind(e.target.value as keyof typeof PURPOSES)}
          >
            {Object.entries(PURPOSES).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <fieldset>
          <legend>Line manager’s authorisation (REG-2)</legend>
          <p className="hint">Leave blank if it has not arrived yet: the request waits for it.</p>
          <Field label="Authorised by" value={form.authorisedBy} onChange={set('authorisedBy')} />
          <Field label="Authorised on" type="date" value={form.authorisedOn} onChange={set('authorisedOn')} />
          <div className="field">
            <label htmlFor={ids.how}>How it was authorised</label>
            <select id={ids.how} value={how} onChange={(e) => setHow(e.target.value as typeof how)}>
              {AUTHORISATION_ROUTES.map((r) => (
                <option key={r} value={r}>
                  {r === 'form' ? 'Form' : r === 'email' ? 'Email' : 'Portal'}
                </option>
              ))}
            </select>
          </div>
        </fieldset>
        {needed.length > 0 ? (
          <fieldset>
            <legend>Prerequisites for {role} (REG-8)</legend>
            {needed.map((p) => (
              <div className="checkbox" key={p}>
                <input
                  id={`pre-${p}`}
                  type="checkbox"
                  checked={met.includes(p)}
                  onChange={() => setMet(met.includes(p) ? met.filter((m) => m !== p) : [...met, p])}
                />
                <label htmlFor={`pre-${p}`}>{PREREQUISITE_LABELS[p]}</label>
              </div>
            ))}
          </fieldset>
        ) : null}
        <button type="submit" className="button" disabled={busy}>
          Record request
        </button>
      </form>
    </>
  );
}
