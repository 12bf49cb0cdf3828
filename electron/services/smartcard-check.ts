/**
 * The Registration Authority's holder check: the card in the reader, and the register record of the
 * person whose UUID it carries. The UUID comes from what main read off the card, never from the
 * screen, so a record can be opened this way only with the card itself. Each check is recorded (USE-3).
 */
import { PREREQUISITE_LABELS, PREREQUISITES } from '../../shared/catalogue';
import type { AtrEntry } from '../../shared/atr-table';
import type { CardIdentity, CardProfile, SmartcardState } from '../../shared/smartcard';
import type { Handlers, ServiceContext } from '../service-context';
import { GatehouseError } from '../store/errors';
import { refreshSearchTerms } from '../store/people-queries';
import { requirePerson } from './people';
import { suspensionsInForce } from './suspensions';

/** Where the card state comes from: the host's reader service (absent where the host has none). */
export interface SmartcardSource {
  state(): SmartcardState;
  /** Where the source reads cards itself, it takes the Trust's profile and ATR table. */
  configure?(configuration: { profile: CardProfile; atrTable: readonly AtrEntry[] }): void;
}

export const NO_READERS: SmartcardState = {
  service: 'no-service',
  message: 'This Gatehouse was started without smartcard support, so it cannot see any reader.',
  readers: [],
};

function cardIn(ctx: ServiceContext, reader: string): CardIdentity {
  const state = ctx.deps.smartcard?.state() ?? NO_READERS;
  const card = state.readers.find((r) => r.name === reader)?.card;
  if (!card)
    throw new GatehouseError('NOT_FOUND', `There is no card in ${reader}. Insert the card and try again.`);
  if (card.state === 'reading')
    throw new GatehouseError('CONFLICT', 'The card is still being read. Hold it in the reader.');
  if (!card.identity)
    throw new GatehouseError('INVALID_INPUT', card.problem ?? 'The card could not be read.');
  return card.identity;
}

function holderOf(ctx: ServiceContext, uuid: string | null): string | null {
  if (!uuid) return null;
  const row = ctx
    .db()
    .prepare<[string], { id: string }>('SELECT id FROM people WHERE smartcard_uuid = ?')
    .get(uuid);
  return row?.id ?? null;
}

/** REG-8: what ESR core and manager access would need, as this holder stands. */
function esrPrerequisites(ctx: ServiceContext, personId: string, identity: CardIdentity) {
  const recorded = new Set(
    ctx
      .db()
      .prepare<[string], { prerequisites_met: string }>(
        `SELECT prerequisites_met FROM requests WHERE person_id = ? AND system_id = 'esr' AND state NOT IN ('rejected', 'withdrawn')`,
      )
      .all(personId)
      .flatMap((r) => JSON.parse(r.prerequisites_met) as string[]),
  );
  const cardValid = identity.issuerKnown && identity.expiry !== 'expired';
  return PREREQUISITES.map((prerequisite) => ({
    prerequisite,
    label: PREREQUISITE_LABELS[prerequisite],
    met: prerequisite === 'smartcard' ? cardValid : recorded.has(prerequisite),
  }));
}

export const smartcardHandlers: Pick<Handlers, 'smartcard:status' | 'smartcard:holder' | 'smartcard:link'> = {
  'smartcard:status': (ctx) => ctx.deps.smartcard?.state() ?? NO_READERS,

  'smartcard:holder': (ctx, input) => {
    const identity = cardIn(ctx, input.reader);
    const personId = holderOf(ctx, identity.uuid);
    const person = personId ? requirePerson(ctx.db(), personId) : null;
    ctx.transact((audit) =>
      audit({
        action: 'smartcard.checked',
        subject: person
          ? { type: 'person', id: person.id, label: person.name }
          : {
              type: 'smartcard',
              id: identity.uuid ?? 'unknown',
              label: `Smartcard ${identity.uuid ?? '(no UUID)'}`,
            },
        after: { uuid: identity.uuid, reader: input.reader, found: person !== null },
      }),
    );
    return {
      identity,
      person,
      suspensions: person ? suspensionsInForce(ctx.db(), person.id) : [],
      esrPrerequisites: person ? esrPrerequisites(ctx, person.id, identity) : [],
    };
  },

  'smartcard:link': (ctx, input) => {
    const identity = cardIn(ctx, input.reader);
    if (!identity.uuid)
      throw new GatehouseError(
        'INVALID_INPUT',
        'This card’s certificate carries no UUID, so it cannot be linked to anyone.',
      );
    const db = ctx.db();
    const person = requirePerson(db, input.personId);
    const holder = holderOf(ctx, identity.uuid);
    if (holder && holder !== person.id)
      throw new GatehouseError(
        'CONFLICT',
        `Smartcard ${identity.uuid} is already recorded for ${requirePerson(db, holder).name} (USE-1: a card is one person’s alone). Check the card and the record.`,
      );
    return ctx.transact((audit) => {
      db.prepare('UPDATE people SET smartcard_uuid = ?, updated_at = ? WHERE id = ?').run(
        identity.uuid,
        ctx.clock.now().toISOString(),
        person.id,
      );
      refreshSearchTerms(db, person.id);
      audit({
        action: 'smartcard.linked',
        subject: { type: 'person', id: person.id, label: person.name },
        before: { smartcardUuid: person.smartcardUuid },
        after: { smartcardUuid: identity.uuid },
      });
      return { summary: `Smartcard ${identity.uuid} is now recorded as ${person.name}’s.` };
    });
  },
};
