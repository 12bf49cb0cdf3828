/** Per-account actions on the Person screen: suspend (SUS-1, SUS-4) and de-register (DIS-1, DIS-2). */
import { type FormEvent, useState } from 'react';
import {
  DEREGISTRATION_REASON_LABELS,
  DEREGISTRATION_REASONS,
  SUSPENSION_REASON_LABELS,
  OUTCOME_WORDS,
  SUSPENSION_REASONS,
} from '../../../shared/access-changes';
import type { Account } from '../../../shared/register';
import { api } from '../../api/bridge';
import { Field } from '../../components/field';
import { DateInput } from '../../components/nhs/date-input';
import { SelectField } from '../../components/select-field';
import { ErrorAlert } from '../../components/feedback';
import { CheckAnswers } from '../../components/nhs/check-answers';
import { useAction } from '../../components/use-action';
import { useDeregistrationOutcomes } from './use-deregistration-outcomes';

type Done = (message: string) => void;

export function SuspendForm({ account, done }: { account: Account; done: Done }) {
  const [reason, setReason] = useState<(typeof SUSPENSION_REASONS)[number]>('security-investigation');
  const [role, setRole] = useState<'director' | 'line-manager'>('line-manager');
  const [form, setForm] = useState({ note: '', instructedBy: '', reviewOn: '' });
  const [urgent, setUrgent] = useState(false);
  const { busy, error, run } = useAction();
  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await run(() =>
      api.suspensions.suspend({
        accountId: account.id,
        reason,
        instructedBy: form.instructedBy,
        instructedRole: role,
        urgent,
        reviewOn: form.reviewOn,
        ...(form.note ? { note: form.note } : {}),
      }),
    );
    if (result)
      done(
        `${account.systemName} account suspended${urgent ? ' at once' : ''}; review on ${result.reviewOn}.`,
      );
  }
  return (
    <form
      className="inline-form"
      aria-label={`Suspend ${account.systemName} account`}
      onSubmit={submit}
      noValidate
    >
      <ErrorAlert message={error} />
      <SelectField
        label="Reason for suspending"
        value={reason}
        options={SUSPENSION_REASONS.map((r) => [r, SUSPENSION_REASON_LABELS[r]] as const)}
        onChange={setReason}
      />
      <Field
        label="Note"
        hint="Needed for other exceptional circumstances"
        value={form.note}
        onChange={(e) => setForm({ ...form, note: e.target.value })}
      />
      <Field
        label="Instructed by"
        value={form.instructedBy}
        onChange={(e) => setForm({ ...form, instructedBy: e.target.value })}
      />
      <SelectField
        label="Who they are"
        value={role}
        options={
          [
            ['line-manager', 'Line manager'],
            ['director', 'Director'],
          ] as const
        }
        onChange={setRole}
      />
      <div className="nhsuk-checkboxes__item">
        <input
          className="nhsuk-checkboxes__input"
          id={`${account.id}-urgent`}
          type="checkbox"
          checked={urgent}
          onChange={() => setUrgent(!urgent)}
        />
        <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`${account.id}-urgent`}>
          Urgent: takes effect at once (SUS-4)
        </label>
      </div>
      <DateInput
        label="Review on"
        value={form.reviewOn}
        onChange={(reviewOn) => setForm({ ...form, reviewOn })}
      />
      <button type="submit" className="nhsuk-button nhsuk-button--warning" disabled={busy}>
        Suspend account
      </button>
    </form>
  );
}

/**
 * De-register one account (DIS-1, DIS-2): the reason, then a check of exactly what will happen to
 * the account before anything changes (issue 12 §3).
 */
export function DeregisterForm({
  account,
  personName,
  done,
}: {
  account: Account;
  personName: string;
  done: Done;
}) {
  const [reason, setReason] = useState<(typeof DEREGISTRATION_REASONS)[number]>('role-change');
  const [note, setNote] = useState('');
  const [instructedBy, setInstructedBy] = useState('');
  const [checking, setChecking] = useState(false);
  const { busy, error, setError, run, fieldId } = useAction();
  const outcomeOf = useDeregistrationOutcomes();
  async function confirm() {
    const result = await run(() =>
      api.accounts.deregister({ accountId: account.id, reason, instructedBy, ...(note ? { note } : {}) }),
    );
    if (result) done(result.map((o) => `${o.systemName} account ${OUTCOME_WORDS[o.outcome]}.`).join(' '));
    else setChecking(false);
  }
  function check(event: FormEvent) {
    event.preventDefault();
    if (instructedBy.trim() === '') return setError('Enter who instructed the de-registration.');
    setError(null);
    setChecking(true);
  }
  if (checking) {
    return (
      <CheckAnswers
        heading={`De-register ${personName}’s ${account.systemName} account?`}
        answers={[
          { key: 'System and role', value: `${account.systemName}, ${account.role}` },
          { key: 'Username', value: account.username ?? 'Not recorded' },
          { key: 'Reason', value: DEREGISTRATION_REASON_LABELS[reason] },
          ...(note ? [{ key: 'Note', value: note }] : []),
          { key: 'Instructed by', value: instructedBy },
        ]}
        consequences={[
          `The ${account.systemName} account will be ${outcomeOf(account)}. This cannot be undone: access again needs a new request.`,
          'A task is raised for the administrator of the system.',
        ]}
        confirmLabel={`De-register ${account.systemName} account`}
        removesAccess
        busy={busy}
        error={error}
        onConfirm={() => void confirm()}
        onBack={() => setChecking(false)}
      />
    );
  }
  return (
    <form
      className="inline-form"
      aria-label={`De-register ${account.systemName} account`}
      onSubmit={check}
      noValidate
    >
      <ErrorAlert
        message={null}
        fieldErrors={error ? [{ fieldId: fieldId('instructedBy'), message: error }] : []}
      />
      <SelectField
        label="Reason for de-registering"
        value={reason}
        options={DEREGISTRATION_REASONS.map((r) => [r, DEREGISTRATION_REASON_LABELS[r]] as const)}
        onChange={setReason}
      />
      <Field label="Note" value={note} onChange={(e) => setNote(e.target.value)} />
      <Field
        label="Instructed by"
        id={fieldId('instructedBy')}
        error={error}
        value={instructedBy}
        onChange={(e) => setInstructedBy(e.target.value)}
      />
      <button type="submit" className="nhsuk-button" disabled={busy}>
        Continue
      </button>
    </form>
  );
}
