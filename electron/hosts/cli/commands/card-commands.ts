/**
 * card readers, card read: the workstation's smartcard readers and what a card in one carries (ATR,
 * card type, and the authentication certificate's subject, issuer, validity and UUID). Neither opens
 * the store: a card's certificate is what the card shows to any reader.
 */
import type { ReaderView, SmartcardState } from '../../../../shared/smartcard';
import { londonDate } from '../../../../shared/policy/working-days';
import { NHS_PROFILE } from '../../../../shared/smartcard';
import { identityFromCertificate } from '../../../smartcard/certificate';
import { startReaderService } from '../../../smartcard/pcsc';
import { Pkcs11Error, readPkcs11Certificates, type TokenCertificate } from '../../../smartcard/pkcs11';
import type { ReaderService } from '../../../smartcard/reader-service';
import type { CliContext } from '../cli-context';
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

/** card read --pkcs11 MODULE: the certificates the card middleware's PKCS#11 module shows. */
async function readThroughPkcs11(cli: CliContext, modulePath: string): Promise<number> {
  let certificates: TokenCertificate[];
  try {
    certificates = await readPkcs11Certificates(modulePath);
  } catch (error) {
    throw new CliError(
      error instanceof Pkcs11Error ? error.message : `The PKCS#11 module failed: ${(error as Error).message}`,
    );
  }
  if (certificates.length === 0)
    throw new CliError(`${modulePath} shows no token with a certificate. Insert the card and try again.`);
  const today = londonDate(new Date());
  const read = certificates.map((c) => {
    try {
      return {
        token: c.token,
        label: c.label,
        identity: identityFromCertificate(c.der, NHS_PROFILE, today),
        problem: null,
      };
    } catch (error) {
      return { token: c.token, label: c.label, identity: null, problem: (error as Error).message };
    }
  });
  cli.print(
    read
      .flatMap((r) => [
        `${r.token}: certificate "${r.label}"`,
        ...(r.identity
          ? [
              `  UUID: ${r.identity.uuid ?? '(none in the certificate)'}`,
              `  Subject: ${r.identity.subject}`,
              `  Issuer: ${r.identity.issuer}`,
              `  Valid: ${r.identity.validFrom.slice(0, 10)} to ${r.identity.validTo.slice(0, 10)}`,
            ]
          : [`  ${r.problem}`]),
      ])
      .join('\n'),
    read,
  );
  return read.some((r) => r.identity) ? EXIT.ok : EXIT.badInput;
}

export const cardReadCommand: Command = {
  name: 'card read',
  usage: 'gatehouse card read [--reader NAME | --pkcs11 MODULE] [--json]',
  summary:
    'Read the card in a reader (or through the card middleware’s PKCS#11 module): ATR, card type, certificate subject, issuer, validity and UUID.',
  flags: ['reader', 'pkcs11'],
  async run(cli) {
    const module = cli.string('pkcs11');
    if (module) return readThroughPkcs11(cli, module);
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
