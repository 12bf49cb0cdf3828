/**
 * Operators who sign in with their smartcard (issue 4 §4): the card is linked to the operator, sign-in
 * then needs the passphrase and the card in a reader, and taking the card out locks Gatehouse, as NHS
 * systems end the session when the card leaves the reader. Linking is an administrator's, and audited.
 */
import type { CardIdentity, SmartcardState } from '../../shared/smartcard';
import type { Handlers, ServiceContext } from '../service-context';
import type { Db } from '../store/database';
import { GatehouseError } from '../store/errors';
import { operatorById } from './operators';
import { NO_READERS, type SmartcardSource } from './smartcard-check';

export type OperatorCard = { reader: string; uuid: string };

function usable(identity: CardIdentity | null): identity is CardIdentity {
  return identity !== null && identity.issuerKnown && identity.expiry !== 'expired';
}

/**
 * At sign-in: the reader holding this operator's card, or null for an operator without one. Throws,
 * saying what to do, when the operator has a card and it is not in a reader (or not valid).
 */
export function operatorCardForSignIn(
  db: Db,
  operatorId: string,
  readers: SmartcardSource | null,
): OperatorCard | null {
  const uuid = operatorById(db, operatorId)?.card_uuid ?? null;
  if (!uuid) return null;
  const state = readers?.state() ?? NO_READERS;
  const reader = state.readers.find((r) => r.card?.identity?.uuid === uuid);
  if (!reader)
    throw new GatehouseError(
      'CARD_REQUIRED',
      state.service === 'ready'
        ? 'You sign in with your smartcard: put it in the reader, wait for it to be read, then sign in again.'
        : `You sign in with your smartcard, and Gatehouse cannot see a reader: ${state.message}`,
    );
  if (!usable(reader.card!.identity))
    throw new GatehouseError(
      'CARD_REQUIRED',
      'Your smartcard’s certificate has expired or was not issued for NHS smartcards. Ask the Registration Authority for a new card.',
    );
  return { reader: reader.name, uuid };
}

/** Whether the signed-in operator's card is still where it was at sign-in. */
export function cardStillPresent(card: OperatorCard, state: SmartcardState): boolean {
  const reader = state.readers.find((r) => r.name === card.reader);
  return reader?.card?.state === 'reading' || reader?.card?.identity?.uuid === card.uuid;
}

function cardIn(ctx: ServiceContext, reader: string): CardIdentity {
  const card = (ctx.deps.smartcard?.state() ?? NO_READERS).readers.find((r) => r.name === reader)?.card;
  if (!card?.identity?.uuid)
    throw new GatehouseError(
      'NOT_FOUND',
      `There is no readable smartcard in ${reader}. Insert the operator’s card, wait for it to be read, then link it.`,
    );
  if (!usable(card.identity))
    throw new GatehouseError(
      'REFUSED_BY_POLICY',
      'That card’s certificate has expired or was not issued for NHS smartcards. Ask the Registration Authority for a new card, then link that.',
    );
  return card.identity;
}

export const operatorCardHandlers: Pick<Handlers, 'operators:linkCard' | 'operators:unlinkCard'> = {
  'operators:linkCard': (ctx, input) => {
    ctx.requireUnscoped();
    const db = ctx.db();
    const operator = operatorById(db, input.id);
    if (!operator || operator.status !== 'active')
      throw new GatehouseError('NOT_FOUND', 'That operator is not active. Refresh the list.');
    const identity = cardIn(ctx, input.reader);
    const other = db
      .prepare<[string, string], { name: string }>(
        'SELECT name FROM operators WHERE card_uuid = ? AND id <> ?',
      )
      .get(identity.uuid!, operator.id);
    if (other)
      throw new GatehouseError(
        'CONFLICT',
        `That smartcard is already linked to ${other.name} (USE-1: a card is one person’s alone).`,
      );
    return ctx.transact((audit) => {
      db.prepare('UPDATE operators SET card_uuid = ? WHERE id = ?').run(identity.uuid, operator.id);
      audit({
        action: 'operator.card-linked',
        subject: { type: 'operator', id: operator.id, label: operator.name },
        before: { cardUuid: operator.card_uuid },
        after: { cardUuid: identity.uuid },
      });
      return {
        summary: `${operator.name} now signs in with smartcard ${identity.uuid} and their passphrase.`,
      };
    });
  },

  'operators:unlinkCard': (ctx, input) => {
    ctx.requireUnscoped();
    const db = ctx.db();
    const operator = operatorById(db, input.id);
    if (!operator?.card_uuid) throw new GatehouseError('NOT_FOUND', 'That operator has no smartcard linked.');
    return ctx.transact((audit) => {
      db.prepare('UPDATE operators SET card_uuid = NULL WHERE id = ?').run(operator.id);
      audit({
        action: 'operator.card-unlinked',
        subject: { type: 'operator', id: operator.id, label: operator.name },
        reason: input.reason,
        before: { cardUuid: operator.card_uuid },
      });
      return { summary: `${operator.name} signs in with their passphrase alone from now on.` };
    });
  },
};
