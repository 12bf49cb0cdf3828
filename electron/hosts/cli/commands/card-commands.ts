/**
 * card readers, card read: the workstation's smartcard readers and what a card in one carries (ATR,
 * card type, and the authentication certificate's subject, issuer, validity and UUID). Neither opens
 * the store: a card's certificate is what the card shows to any reader.
 */
import type { ReaderView, SmartcardState } from '../../../../shared/smartcard';
import { startReaderService } from '../../../smartcard/pcsc';
import type { ReaderService } from '../../../smartcard/reader-service';
import { CliError, EXIT } from '../cli-error';
import type { Command } from './command';

const SETTLE_MS = 8000;
/** PC/SC reports each reader, then the card in it, as separate events: wait for them to stop coming. */
const QUIET_MS = 400;

/** The state once nothing is starting or being read and no event came for a moment, or at the limit. */
function settled(service: ReaderService): Promise<SmartcardState> {
  const done = (s: SmartcardState) =>
    s.service !== 'starting' && s.readers.every((r) => r.card?.state !== 'reading');
  return new Promise((resolve) => {
    let quiet: NodeJS.Timeout | undefined;
    const finish = () => {
      clearTimeout(limit);
      clearTimeout(quiet);
      service.off('changed', changed);
      resolve(service.state());
    };
    const changed = () => {
      clearTimeout(quiet);
      quiet = setTimeout(() => {
        if (done(service.state())) finish();
      }, QUIET_MS);
    };
    const limit = setTimeout(finish, SETTLE_MS);
    service.on('changed', changed);
    changed();
  });
}

async function readers(): Promise<SmartcardState> {
  const started = await startReaderService();
  if (!started.ok) throw new CliError(started.message);
  try {
    return await settled(started.service);
  } finally {
    started.service.stop();
  }
}

function describe(reader: ReaderView): string[] {
  const card = reader.card;
  if (!card) return [`${reader.name}: no card`];
  const lines = [`${reader.name}: ${card.cardType ?? 'card of an unknown type'}`, `  ATR: ${card.atr}`];
  if (card.problem) lines.push(`  ${card.problem}`);
  const id = card.identity;
  if (id)
    lines.push(
      `  UUID: ${id.uuid ?? '(none in the certificate)'}`,
      `  Holder: ${id.holderName ?? '(not named in the certificate)'}`,
      `  Subject: ${id.subject}`,
      `  Issuer: ${id.issuer}${id.issuerKnown ? '' : ' (NOT an issuer this card profile trusts)'}`,
      `  Valid: ${id.validFrom.slice(0, 10)} to ${id.validTo.slice(0, 10)}${id.expiry === 'expired' ? ' (EXPIRED)' : id.expiry ? ` (expires within ${id.expiry} days)` : ''}`,
    );
  return lines;
}

export const cardReadersCommand: Command = {
  name: 'card readers',
  usage: 'gatehouse card readers [--json]',
  summary: 'List the smartcard readers and whether each holds a card.',
  flags: [],
  async run(cli) {
    const state = await readers();
    if (state.readers.length === 0) throw new CliError(state.message);
    cli.print(
      state.readers
        .map((r) => `${r.name}${r.card ? `: card (${r.card.cardType ?? r.card.atr})` : ': empty'}`)
        .join('\n'),
      state,
    );
    return EXIT.ok;
  },
};

export const cardReadCommand: Command = {
  name: 'card read',
  usage: 'gatehouse card read [--reader NAME] [--json]',
  summary: 'Read the card in a reader: ATR, card type, certificate subject, issuer, validity and UUID.',
  flags: ['reader'],
  async run(cli) {
    const state = await readers();
    if (state.readers.length === 0) throw new CliError(state.message);
    const wanted = cli.string('reader');
    const reader = wanted
      ? state.readers.find((r) => r.name === wanted)
      : state.readers.find((r) => r.card !== null);
    if (wanted && !reader)
      throw new CliError(
        `There is no reader "${wanted}". The readers are: ${state.readers.map((r) => r.name).join(', ')}.`,
      );
    if (!reader?.card)
      throw new CliError(`There is no card in ${reader?.name ?? 'any reader'}. Insert one and try again.`);
    cli.print(describe(reader).join('\n'), reader);
    return reader.card.state === 'read' ? EXIT.ok : EXIT.badInput;
  },
};
