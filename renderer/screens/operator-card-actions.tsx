/**
 * Linking an operator to their smartcard (they then sign in with passphrase and card, and taking the
 * card out locks Gatehouse) acts at once, from the card in the reader; unlinking a lost or replaced
 * card needs the reason, so it opens in the Operators screen's panel below the table.
 */
import type { Operator } from '../../shared/model';
import { api } from '../api/bridge';
import { useState } from 'react';

export function OperatorCardActions({
  operator,
  done,
  failed,
  unlink,
}: {
  operator: Operator;
  done: (message: string) => void;
  /** A refusal, shown by the screen above the table (never inside a cell). */
  failed: (message: string | null) => void;
  unlink: () => void;
}) {
  const [busy, setBusy] = useState(false);

  async function link() {
    failed(null);
    setBusy(true);
    try {
      const status = await api.smartcard.status({});
      const reader = status.ok ? status.value.readers.find((r) => r.card?.identity?.uuid) : undefined;
      if (!reader)
        return failed(`Put ${operator.name}’s smartcard in a reader first, and wait for it to be read.`);
      const result = await api.operators.linkCard({ id: operator.id, reader: reader.name });
      if (result.ok) done(result.value.summary);
      else failed(result.error.message);
    } finally {
      setBusy(false);
    }
  }

  return operator.cardUuid === null ? (
    <button type="button" className="link-button" disabled={busy} onClick={() => void link()}>
      Link smartcard<span className="nhsuk-u-visually-hidden"> to {operator.name}</span>
    </button>
  ) : (
    <button type="button" className="link-button" onClick={unlink}>
      Unlink smartcard<span className="nhsuk-u-visually-hidden"> of {operator.name}</span>
    </button>
  );
}
