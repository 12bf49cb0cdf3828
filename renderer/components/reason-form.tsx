/**
 * A decision that needs a reason for the audit trail: one text field and the button that records it.
 * Main checks the reason (and says what is missing); the answer's summary is what the person sees.
 */
import { type FormEvent, useState } from 'react';
import type { Envelope } from '../../shared/errors';
import { ErrorAlert } from './feedback';
import { Field } from './field';
import { useAction } from './use-action';

export function ReasonForm({
  label,
  action,
  record,
  done,
  formName,
}: {
  label: string;
  action: string;
  record: (reason: string) => Promise<Envelope<{ summary: string }>>;
  done: (summary: string) => void;
  formName?: string;
}) {
  const [reason, setReason] = useState('');
  const { busy, error, run } = useAction();
  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await run(() => record(reason));
    if (result) done(result.summary);
  }
  return (
    <form onSubmit={submit} noValidate className="action-form" aria-label={formName}>
      <ErrorAlert message={error} />
      <Field label={label} value={reason} onChange={(e) => setReason(e.target.value)} />
      <button type="submit" className="nhsuk-button nhsuk-button--warning" disabled={busy}>
        {action}
      </button>
    </form>
  );
}
