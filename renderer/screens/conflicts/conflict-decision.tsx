/**
 * One decision on a conflict: a reason (required: it goes into the audit trail), then a check naming
 * exactly what will happen, then the call. Refusals come back to the reason with the error summary
 * and the field marked (issue 12 §3, §4).
 */
import { type FormEvent, useEffect, useState } from 'react';
import type { ConflictChoice, SyncConflict } from '../../../shared/contract/sync';
import { api } from '../../api/bridge';
import { ErrorAlert } from '../../components/feedback';
import { Field } from '../../components/field';
import { CheckAnswers } from '../../components/nhs/check-answers';
import { useAction } from '../../components/use-action';
import { CHOICE_WORDS } from './conflict-choices';

const CALLS = {
  discard: (input: { id: number; reason: string }) => api.sync.discard(input),
  apply: (input: { id: number; reason: string }) => api.sync.apply(input),
  link: (input: { id: number; reason: string }) => api.sync.link(input),
} satisfies Record<ConflictChoice, unknown>;

export function ConflictDecision({
  conflict,
  choice,
  onDone,
  onCancel,
}: {
  conflict: SyncConflict;
  choice: ConflictChoice;
  onDone: (conflicts: SyncConflict[], message: string) => void;
  onCancel: () => void;
}) {
  const words = CHOICE_WORDS[choice];
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [checking, setChecking] = useState(false);
  const { busy, error, run, fieldId, fieldError, summary } = useAction();
  const reasonError = missing ? 'Enter the reason.' : fieldError('reason');
  // The choice's button is gone once the form opens: focus goes to the reason, not the page body
  // (after a refusal the error summary has it instead).
  useEffect(() => {
    if (!checking && error === null) document.getElementById(fieldId('reason'))?.focus();
  }, [checking, error, fieldId]);

  function check(event: FormEvent) {
    event.preventDefault();
    if (reason.trim() === '') return setMissing(true);
    setMissing(false);
    setChecking(true);
  }
  async function confirm() {
    const conflicts = await run(() => CALLS[choice]({ id: conflict.id, reason }));
    if (conflicts) onDone(conflicts, words.done(conflict));
    else setChecking(false);
  }

  if (checking) {
    return (
      <CheckAnswers
        heading={words.question(conflict)}
        answers={[
          { key: 'Your change', value: conflict.summary },
          { key: 'Reason', value: reason },
        ]}
        consequences={words.consequences(conflict)}
        confirmLabel={words.confirm(conflict)}
        removesAccess={words.warning}
        busy={busy}
        error={null}
        onConfirm={() => void confirm()}
        onBack={() => setChecking(false)}
      />
    );
  }
  const shown = summary(['reason']);
  return (
    <form className="action-form" aria-label={words.button} onSubmit={check} noValidate>
      <ErrorAlert
        message={missing ? null : shown.message}
        fieldErrors={
          missing ? [{ fieldId: fieldId('reason'), message: 'Enter the reason.' }] : shown.fieldErrors
        }
      />
      <Field
        label="Reason"
        hint="Why this is the right outcome. It is recorded in the audit trail with your decision."
        id={fieldId('reason')}
        error={reasonError}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <div className="nhsuk-button-group">
        <button type="submit" className="nhsuk-button" disabled={busy}>
          Continue
        </button>
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
