/** Change a person's details: job, team, line manager, contract end (REG-11 "unless extended"), card. */
import { type FormEvent, useState } from 'react';
import {
  EMPLOYMENT_LABELS,
  EMPLOYMENT_TYPES,
  type EmploymentType,
  NEEDS_FINISHING_DATE,
  type Person,
  type PersonSummary,
} from '../../../shared/register';
import { api } from '../../api/bridge';
import { Field } from '../../components/field';
import { DateInput } from '../../components/nhs/date-input';
import { SelectField } from '../../components/select-field';
import { ErrorAlert } from '../../components/feedback';
import { useAction } from '../../components/use-action';
import { PersonPicker } from '../requests/person-picker';

export function EditPersonForm({ person, done }: { person: Person; done: (message: string) => void }) {
  const [form, setForm] = useState({
    jobRole: person.jobRole ?? '',
    team: person.team ?? '',
    directorate: person.directorate ?? '',
    organisation: person.organisation ?? '',
    finishingDate: person.finishingDate ?? '',
    smartcardUuid: person.smartcardUuid ?? '',
    email: person.email ?? '',
    reason: '',
  });
  const [employmentType, setEmploymentType] = useState<EmploymentType>(person.employmentType);
  const [manager, setManager] = useState<PersonSummary | null>(
    person.lineManager
      ? {
          id: person.lineManager.id,
          name: person.lineManager.name,
          employeeNumber: null,
          jobRole: null,
          team: null,
          smartcardUuid: null,
          status: 'active',
        }
      : null,
  );
  const { busy, error, run } = useAction();
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const { reason, ...fields } = form;
    const changes = {
      employmentType,
      ...Object.fromEntries(
        Object.entries(fields).filter(
          ([key, value]) =>
            value.trim() !== '' && (key !== 'finishingDate' || NEEDS_FINISHING_DATE.includes(employmentType)),
        ),
      ),
      ...(manager ? { lineManagerId: manager.id } : {}),
    };
    const saved = await run(() =>
      api.people.update({ id: person.id, changes, ...(reason.trim() ? { reason } : {}) }),
    );
    if (saved) done(`${saved.name}’s details were saved.`);
  }

  return (
    <section aria-labelledby="edit-person-heading" className="action-form">
      <h3 id="edit-person-heading">Change details</h3>
      <p className="nhsuk-hint">
        A change of job role, team or directorate needs an access review: use Review access for a move
        (CHG-1).
      </p>
      <ErrorAlert message={error} />
      <form onSubmit={submit} noValidate>
        <Field label="Organisation" value={form.organisation} onChange={set('organisation')} />
        <SelectField
          label="Employment type"
          value={employmentType}
          options={EMPLOYMENT_TYPES.map((t) => [t, EMPLOYMENT_LABELS[t]] as const)}
          onChange={setEmploymentType}
        />
        {NEEDS_FINISHING_DATE.includes(employmentType) ? (
          <DateInput
            label="Finishing date"
            hint="Extend it here when a contract is extended (REG-11)."
            value={form.finishingDate}
            onChange={(finishingDate) => setForm({ ...form, finishingDate })}
          />
        ) : null}
        <Field
          label="Smartcard UUID"
          inputMode="numeric"
          value={form.smartcardUuid}
          onChange={set('smartcardUuid')}
        />
        <Field label="Email" type="email" value={form.email} onChange={set('email')} />
        <PersonPicker chosen={manager} onChoose={setManager} label="Line manager" />
        <Field label="Reason for the change (optional)" value={form.reason} onChange={set('reason')} />
        <button type="submit" className="nhsuk-button" disabled={busy}>
          Save details
        </button>
      </form>
    </section>
  );
}
