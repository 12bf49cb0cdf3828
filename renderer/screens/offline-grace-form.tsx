/**
 * Settings › Trust register: the offline grace period (issue 11 §2), a Trust setting kept on the
 * register. Beyond it a workstation that has not reached the register needs it again to sign in, so
 * a login revoked there ends access everywhere. Changed online only (it is a Trust-wide change).
 */
import { type FormEvent, useState } from 'react';
import { api } from '../api/bridge';
import { ErrorAlert, StatusMessage } from '../components/feedback';
import { Field } from '../components/field';
import { useAction } from '../components/use-action';
import { useSyncStore } from '../state/sync-store';

export function OfflineGraceForm({ hours }: { hours: number }) {
  const setStatus = useSyncStore((s) => s.setStatus);
  const [draft, setDraft] = useState(String(hours));
  const [message, setMessage] = useState<string | null>(null);
  const { busy, run, fieldId, fieldError, summary } = useAction();
  const shown = summary(['hours']);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    const value = Number(draft.trim());
    const next = await run(() =>
      api.sync.setOfflineGrace({ hours: draft.trim() === '' ? Number.NaN : value }),
    );
    if (!next) return;
    setStatus(next);
    setMessage(
      `Offline grace period for the whole Trust: ${next.offlineGraceHours} hours. Other workstations take it at their next sync.`,
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Offline grace period">
      {message ? <StatusMessage>{message}</StatusMessage> : null}
      <ErrorAlert message={shown.message} fieldErrors={shown.fieldErrors} />
      <Field
        label="Offline grace period (hours)"
        hint="How long any workstation may stay without reaching the Trust register before signing in there needs it again: 1 to 720 hours. The Trust’s default is 72."
        id={fieldId('hours')}
        error={fieldError('hours')}
        inputMode="numeric"
        className="nhsuk-input--width-4"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
      />
      <button type="submit" className="nhsuk-button nhsuk-button--secondary" disabled={busy}>
        Save the offline grace period
      </button>
    </form>
  );
}
