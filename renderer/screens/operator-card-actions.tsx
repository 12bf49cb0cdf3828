/**
 * Linking an operator to their smartcard (they then sign in with passphrase and card, and taking the
 * card out locks Gatehouse), or unlinking a lost or replaced card with the reason.
 */
import { type FormEvent, useState } from 'react';
import type { Operator } from '../../shared/model';
import { api } from '../api/bridge';
import { ErrorAlert } from '../components/feedback';
import { Field } from '../components/field';
import { useAction } from '../components/use-action';

export function OperatorCardActions({
  operator,
  done,
}: {
  operator: Operator;
  done: (message: string) => void;
}) {
  const [unlinking, setUnlinking] = useState(false);
  const [reason, setReason] = useState('');
  const { busy, error, setError, run } = useAction();

  async function link() {
    const status = await api.smartcard.status({});
    const reader = status.ok ? status.value.readers.find((r) => r.card?.identity?.uuid) : undefined;
    if (!reader)
      return setError(`Put ${operator.name}’s smartcard in a reader first, and wait for it to be read.`);
    const result = await run(() => api.operators.linkCard({ id: operator.id, reader: reader.name }));
    if (result) done(result.summary);
  }

  async function unlink(event: FormEvent) {
    event.preventDefault();
    const result = await run(() => api.operators.unlinkCard({ id: operator.id, reason }));
    if (result) done(result.summary);
  }

  return (
    <>
      <ErrorAlert message={error} />
      {operator.cardUuid === null ? (
        <button
          type="button"
          className="button button--small button--secondary"
          disabled={busy}
          onClick={() => void link()}
        >
          Link smartcard<span className="visually-hidden"> to {operator.name}</span>
        </button>
      ) : unlinking ? (
        <form onSubmit={unlink} noValidate aria-label={`Unlink ${operator.name}’s smartcard`}>
          <Field
            label="Why is the card unlinked?"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <button type="submit" className="button button--small button--warning" disabled={busy}>
            Unlink smartcard
          </button>
        </form>
      ) : (
        <button
          type="button"
          className="button button--small button--secondary"
          onClick={() => setUnlinking(true)}
        >
          Unlink smartcard<span className="visually-hidden"> of {operator.name}</span>
        </button>
      )}
    </>
  );
}
