/** Add a person to the register; main enforces REG-11 and uniqueness again. */
import { type FormEvent, useState } from 'react';
import {
  EMPLOYMENT_LABELS,
  EMPLOYMENT_TYPES,
  type EmploymentType,
  NEEDS_FINISHING_DATE,
  type Person,
} from '../../../shared/register';
import { api } from '../../api/bridge';
import { Field } from '../../components/field';
import { SelectField } from '../../components/select-field';
import { ErrorAlert } from '../../components/feedback';
import { useAction } from '../../components/use-action';

const EMPTY = {
  name: '',
  employeeNumber: '',
  jobRole: '',
  team: '',
  directorate: '',
  organisation: '',
  smartcardUuid: '',
  email: '',
  finishingDate: '',
};

export function AddPersonForm({ onAdded }: { onAdded: (person: Person) => void }) {
  const [form, setForm] = useState(EMPTY);
  const [employmentType, setEmploymentType] = useState<EmploymentType>('permanent');
  const { busy, error, setError, run } = useAction();
  const set = (key: keyof typeof EMPTY) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });
  const needsDate = NEEDS_FINISHING_DATE.includes(employmentType);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (form.name.trim() === '') return setError('Enter the person’s name.');
    if (needsDate && form.finishingDate === '')
      return setError(`${EMPLOYMENT_LABELS[employmentType]} staff need a finishing date (REG-11).`);
    const optional = Object.fromEntries(
      Object.entries(form).filter(
        ([key, value]) => key !== 'name' && value.trim() !== '' && (key !== 'finishingDate' || needsDate),
      ),
    );
    const person = await run(() => api.people.create({ name: form.name, employmentType, ...optional }));
    if (person) onAdded(person);
  }

  return (
    <section aria-labelledby="add-person-heading">
      <h2 id="add-person-heading">Add a person</h2>
      <ErrorAlert message={error} />
      <form onSubmit={submit} noValidate>
        <Field label="Full name" value={form.name} onChange={set('name')} autoComplete="off" />
        <Field
          label="Employee or assignment number"
          value={form.employeeNumber}
          onChange={set('employeeNumber')}
          autoComplete="off"
        />
        <Field label="Job role" value={form.jobRole} onChange={set('jobRole')} />
        <Field label="Team" value={form.team} onChange={set('team')} />
        <Field label="Directorate" value={form.directorate} onChange={set('directorate')} />
        <Field label="Organisation" value={form.organisation} onChange={set('organisation')} />
        <SelectField
          label="Employment type"
          value={employmentType}
          options={EMPLOYMENT_TYPES.map((t) => [t, EMPLOYMENT_LABELS[t]] as const)}
          onChange={setEmploymentType}
        />
        {needsDate ? (
          <Field
            label="Finishing date"
            type="date"
            hint="Access ends on this date unless extended (REG-11)."
            value={form.finishingDate}
            onChange={set('finishingDate')}
          />
        ) : null}
        <Field
          label="Smartcard UUID"
          hint="The 12-digit number on the card, if they have one."
          inputMode="numeric"
          value={form.smartcardUuid}
          onChange={set('smartcardUuid')}
        />
        <Field label="Email" type="email" value={form.email} onChange={set('email')} />
        <button type="submit" className="nhsuk-button" disabled={busy}>
          Add person
        </button>
      </form>
    </section>
  );
}
