/** Add a person to the register; main enforces REG-11 and uniqueness again. */
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
  reference: '',
};

export function AddPersonForm({ onAdded }: { onAdded: (person: Person) => void }) {
  const [form, setForm] = useState(EMPTY);
  const [employmentType, setEmploymentType] = useState<EmploymentType>('permanent');
  const [manager, setManager] = useState<PersonSummary | null>(null);
  const { busy, run, fieldId, fieldError, summary } = useAction();
  const set = (key: keyof typeof EMPTY) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });
  const needsDate = NEEDS_FINISHING_DATE.includes(employmentType);

  async function submit(event: FormEvent) {
    event.preventDefault();
    // Main checks every field at once (REG-11 included) and the refusals come back per field.
    const optional = Object.fromEntries(
      Object.entries(form).filter(
        ([key, value]) =>
          !['name', 'reference'].includes(key) &&
          value.trim() !== '' &&
          (key !== 'finishingDate' || needsDate),
      ),
    );
    const person = await run(() =>
      api.people.create({
        name: form.name,
        employmentType,
        ...optional,
        ...(manager ? { lineManagerId: manager.id } : {}),
      }),
    );
    if (!person) return;
    // Issue 13 §2: a person added by hand gets the requests their position's access profiles propose.
    if (form.reference.trim() !== '')
      await run(() => api.profiles.raiseRequests({ personId: person.id, reference: form.reference }));
    onAdded(person);
  }

  return (
    <section aria-labelledby="add-person-heading">
      <h2 id="add-person-heading">Add a person</h2>
      <ErrorAlert {...summary([...Object.keys(EMPTY), 'lineManagerId'])} />
      <form onSubmit={submit} noValidate>
        <Field
          label="Full name"
          value={form.name}
          onChange={set('name')}
          id={fieldId('name')}
          error={fieldError('name')}
          autoComplete="off"
        />
        <Field
          label="Employee or assignment number"
          value={form.employeeNumber}
          onChange={set('employeeNumber')}
          id={fieldId('employeeNumber')}
          error={fieldError('employeeNumber')}
          autoComplete="off"
        />
        <Field
          label="Job role"
          value={form.jobRole}
          onChange={set('jobRole')}
          id={fieldId('jobRole')}
          error={fieldError('jobRole')}
        />
        <Field
          label="Team"
          value={form.team}
          onChange={set('team')}
          id={fieldId('team')}
          error={fieldError('team')}
        />
        <Field
          label="Directorate"
          value={form.directorate}
          onChange={set('directorate')}
          id={fieldId('directorate')}
          error={fieldError('directorate')}
        />
        <Field
          label="Organisation"
          value={form.organisation}
          onChange={set('organisation')}
          id={fieldId('organisation')}
          error={fieldError('organisation')}
        />
        <SelectField
          label="Employment type"
          value={employmentType}
          options={EMPLOYMENT_TYPES.map((t) => [t, EMPLOYMENT_LABELS[t]] as const)}
          onChange={setEmploymentType}
        />
        {needsDate ? (
          <DateInput
            label="Finishing date"
            hint="Access ends on this date unless extended (REG-11)."
            value={form.finishingDate}
            onChange={(finishingDate) => setForm({ ...form, finishingDate })}
            id={fieldId('finishingDate')}
            error={fieldError('finishingDate')}
          />
        ) : null}
        <Field
          label="Smartcard UUID"
          hint="The 12-digit number on the card, if they have one."
          inputMode="numeric"
          value={form.smartcardUuid}
          onChange={set('smartcardUuid')}
          id={fieldId('smartcardUuid')}
          error={fieldError('smartcardUuid')}
        />
        <PersonPicker
          chosen={manager}
          onChoose={setManager}
          label="Line manager"
          id={fieldId('lineManagerId')}
          error={fieldError('lineManagerId')}
        />
        <Field
          label="Email"
          type="email"
          value={form.email}
          onChange={set('email')}
          id={fieldId('email')}
          error={fieldError('email')}
        />
        <Field
          label="Service-desk reference for the proposed requests"
          hint="If you give one, a request is raised for each account the position’s access profiles propose, each waiting for the line manager’s authorisation (REG-2). Leave blank to raise them later from the person’s record."
          value={form.reference}
          onChange={set('reference')}
          autoComplete="off"
        />
        <button type="submit" className="nhsuk-button" disabled={busy}>
          Add person
        </button>
      </form>
    </section>
  );
}
