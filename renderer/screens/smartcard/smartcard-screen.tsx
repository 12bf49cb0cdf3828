/**
 * The Smartcard screen: the readers as main sees them, pushed as they change. When a card has been
 * read, the holder check runs at once and the holder's record appears.
 */
import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../shared/contract';
import type { SmartcardState } from '../../../shared/smartcard';
import { api, bridge } from '../../api/bridge';
import { ErrorAlert, StatusMessage } from '../../components/feedback';
import { PageHeading } from '../../components/page-heading';
import { CardIdentityPanel } from './card-identity';
import { HolderRecord } from './holder-record';

type Holder = ChannelOutput<'smartcard:holder'>;

function useSmartcardState(): SmartcardState | null {
  const [state, setState] = useState<SmartcardState | null>(null);
  useEffect(() => {
    const off = bridge.on('smartcard:changed', setState);
    void api.smartcard.status({}).then((result) => result.ok && setState(result.value));
    return off;
  }, []);
  return state;
}

export function SmartcardScreen() {
  const state = useSmartcardState();
  const [holder, setHolder] = useState<{ key: string; value: Holder | null; error: string | null } | null>(
    null,
  );
  const [version, setVersion] = useState(0);
  const withCard = state?.readers.find((r) => r.card !== null) ?? null;
  const card = withCard?.card ?? null;
  const key =
    card?.state === 'read' && withCard ? `${withCard.name}/${card.identity?.uuid}/${version}` : null;

  useEffect(() => {
    if (!key || !withCard) return;
    let current = true;
    void api.smartcard.holder({ reader: withCard.name }).then((result) => {
      if (!current) return;
      setHolder(
        result.ok
          ? { key, value: result.value, error: null }
          : { key, value: null, error: result.error.message },
      );
    });
    return () => {
      current = false;
    };
    // The key says when to check again: another card, another reader, or a new link.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const shown = holder && holder.key === key ? holder : null;
  return (
    <>
      <PageHeading>Smartcard</PageHeading>
      <p>
        The Registration Authority holder check: put the card in the reader and the holder’s record appears.
      </p>
      {state ? (
        <StatusMessage>
          {state.service === 'ready' && !card
            ? 'Insert a smartcard.'
            : state.service === 'ready'
              ? ''
              : state.message}
          {card?.state === 'reading' ? `Reading the card in ${withCard?.name}…` : ''}
        </StatusMessage>
      ) : null}
      {state && state.readers.length > 0 ? (
        <p className="nhsuk-hint">Readers: {state.readers.map((r) => r.name).join(', ')}</p>
      ) : null}
      {card ? (
        <section aria-label="Card in the reader" className="nhsuk-card nhsuk-card__content">
          <h2>{card.cardType ?? 'A card of a type Gatehouse does not know'}</h2>
          <p className="nhsuk-hint">
            In {withCard?.name}; ATR {card.atr}
          </p>
          <ErrorAlert message={card.problem} />
          {card.identity ? <CardIdentityPanel identity={card.identity} /> : null}
        </section>
      ) : null}
      {shown?.error ? <ErrorAlert message={shown.error} /> : null}
      {shown?.value && withCard ? (
        <HolderRecord reader={withCard.name} holder={shown.value} relink={() => setVersion((v) => v + 1)} />
      ) : null}
    </>
  );
}
