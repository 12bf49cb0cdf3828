/**
 * Linking an operator to their smartcard (they then sign in with passphrase and card, and taking the
 * card out locks Gatehouse), or unlinking a lost or replaced card with the reason.
 */
import { useState } from 'react';
import type { Operator } from '../../shared/model';
import { api } from '../api/bridge';
import { ErrorAlert } from '../components/feedback';
import { ReasonForm } from '../components/reason-form';
import { useAction } from '../components/use-action';

export function OperatorCardActions({
  operator,
  done,
}: {
  operator: Operator;
  done: (message: string) => void;
}) {
  const [unlinking, setUnlinking] = useState(false);
  const { busy, error, setError, run } = useAction();

  async function link() {
    const status = await api.smartcard.status({});
    const reader = status.ok ? status.value.readers.find((r) => r.card?.identity?.uuid) : undefined;
    if (!reader)
      return setError(`Put ${operator.name}’s smartcard in a reader first, and wait for it to be read.`);
    const result = await run(() => api.operators.linkCard({ id: operator.id, reader: reader.name }));
    if (result) done(result.summary);
  }

  return (
    <>
      <ErrorAlert message={error} />
      {operator.cardUuid === null ? (
        <button
          type="button"
          className="nhsuk-button nhsuk-button--small nhsuk-button--secondary"
          disabled={busy}
          onClick={() => void link()}
        >
          Link smartcard<span className="nhsuk-u-visually-hidden"> to {operator.name}</span>
        </button>
      ) : unlinking ? (
        <ReasonForm
          formName={`Unlink ${operator.name}’s smartcard`}
          label="Why is the card unlinked?"
          action="Unlink smartcard"
          record={(reason) => api.operators.unlinkCard({ id: operator.id, reason })}
          done={done}
        />
      ) : (
        <button
          type="button"
          className="nhsuk-button nhsuk-button--small nhsuk-button--secondary"
          onClick={() => setUnlinking(true)}
        >
          Unlink smartcard<span className="nhsuk-u-visually-hidden"> of {operator.name}</span>
        </button>
      )}
    </>
  );
}
