/** Record a request as the service desk received it (REG-1). Main applies every rule again. */
import { type FormEvent, useState } from 'react';
import { PREREQUISITE_LABELS, type Prerequisite } from '../../../shared/catalogue';
import type { PersonSummary } from '../../../shared/register';
import {
  AUTHORISATION_ROUTES,
  ROUTE_LABELS,
  REQUEST_TYPE_LABELS,
  REQUEST_TYPES,
  type RequestType,
} from '../../../shared/requests';
import { api } from '../../api/bridge';
import { Field } from '../../components/field';
import { DateInput } from '../../components/nhs/date-input';
import { SelectField } from '../../components/select-field';
import { ErrorAlert } from '../../components/feedback';
import { PageHeading } from '../../components/page-heading';
import { useAction } from '../../components/use-action';
import { useQuery } from '../../components/use-query';
import { PersonPicker } from './person-picker';

const KINDS = [
  ['normal', 'Normal (individual)'],
  ['admin', 'Admin (Digital staff, beside a normal account)'],
  ['generic', 'Generic login (exceptional, REG-5)'],
] as const;

const PURPOSES = {
  'direct-care': 'Direct care',
  administration: 'Administration',
  'secondary-use': 'Secondary use (research, audit outside direct care)',
} as const;

export function NewRequestScreen({ onRecorded }: { onRecorded: (id: string, warnings: string[]) => void }) {
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
  const { busy, run, fieldId, fieldError, summary } = useAction();
  const at = (path: string) => ({ id: fieldId(path), error: fieldError(path) });
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });
  const system = systems.value?.find((s) => s.id === systemId);
  const needed = system?.roles.find((r) => r.name === role)?.prerequisites ?? [];

  async function submit(event: FormEvent) {
    event.preventDefault();
    // Main checks every field at once; its refusals come back per field and are marked below.
    const authorised = form.authorisedBy.trim() !== '' || form.authorisedOn !== '';
    const result = await run(() =>
      api.requests.create({
        type,
        reference: form.reference,
        personId: person?.id ?? '',
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
      <ErrorAlert message={systems.error} />
      <ErrorAlert
        {...summary([
          'reference',
          'personId',
          'systemId',
          'role',
          'purpose',
          'genericIgReference',
          'genericEndDate',
          'authorisation.by',
          'authorisation.on',
        ])}
      />
      <form onSubmit={submit} noValidate>
        <Field
          label="Service-desk reference"
          {...at('reference')}
          value={form.reference}
          onChange={set('reference')}
          autoComplete="off"
        />
        <PersonPicker chosen={person} onChoose={setPerson} {...at('personId')} />
        <SelectField
          label="Request type"
          value={type}
          options={REQUEST_TYPES.map((t) => [t, REQUEST_TYPE_LABELS[t]] as const)}
          onChange={setType}
        />
        <SelectField
          label="System"
          {...at('systemId')}
          value={systemId}
          placeholder="Choose a system"
          options={(systems.value ?? []).map((s) => [s.id, s.name] as const)}
          onChange={(id) => {
            setSystemId(id);
            setRole('');
            setMet([]);
          }}
        />
        {system && type !== 'deletion' ? (
          <SelectField
            label="Role"
            {...at('role')}
            value={role}
            placeholder="Choose a role"
            options={system.roles.map((r) => [r.name, r.name] as const)}
            onChange={(name) => {
              setRole(name);
              setMet([]);
            }}
          />
        ) : null}
        <SelectField label="Account kind" value={kind} options={KINDS} onChange={setKind} />
        {kind === 'generic' ? (
          <>
            <Field
              label="Information Governance approval reference"
              {...at('genericIgReference')}
              value={form.igReference}
              onChange={set('igReference')}
            />
            <DateInput
              label="Generic login end date"
              {...at('genericEndDate')}
              value={form.endDate}
              onChange={(endDate) => setForm({ ...form, endDate })}
            />
          </>
        ) : null}
        <Field
          label="Purpose"
          hint="What the access is for"
          {...at('purpose')}
          value={form.purpose}
          onChange={set('purpose')}
        />
        <SelectField
          label="Kind of purpose"
          value={purposeKind}
          options={Object.entries(PURPOSES) as [keyof typeof PURPOSES, string][]}
          onChange={setPurposeKind}
        />
        <fieldset>
          <legend>Line manager’s authorisation (REG-2)</legend>
          <p className="nhsuk-hint">Leave blank if it has not arrived yet: the request waits for it.</p>
          <Field
            label="Authorised by"
            {...at('authorisation.by')}
            value={form.authorisedBy}
            onChange={set('authorisedBy')}
          />
          <DateInput
            label="Authorised on"
            {...at('authorisation.on')}
            value={form.authorisedOn}
            onChange={(authorisedOn) => setForm({ ...form, authorisedOn })}
          />
          <SelectField
            label="How it was authorised"
            value={how}
            options={AUTHORISATION_ROUTES.map((r) => [r, ROUTE_LABELS[r]] as const)}
            onChange={setHow}
          />
        </fieldset>
        {needed.length > 0 ? (
          <fieldset>
            <legend>Prerequisites for {role} (REG-8)</legend>
            {needed.map((p) => (
              <div className="nhsuk-checkboxes__item" key={p}>
                <input
                  className="nhsuk-checkboxes__input"
                  id={`pre-${p}`}
                  type="checkbox"
                  checked={met.includes(p)}
                  onChange={() => setMet(met.includes(p) ? met.filter((m) => m !== p) : [...met, p])}
                />
                <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`pre-${p}`}>
                  {PREREQUISITE_LABELS[p]}
                </label>
              </div>
            ))}
          </fieldset>
        ) : null}
        <button type="submit" className="nhsuk-button" disabled={busy}>
          Record request
        </button>
      </form>
    </>
  );
}
