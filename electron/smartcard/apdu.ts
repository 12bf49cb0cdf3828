/**
 * Reading the authentication certificate over PC/SC (ISO 7816-4): select the application by AID,
 * select the certificate file asking for its FCP (the size is in tag 80), then READ BINARY in chunks.
 * Every answer is checked: a card pulled out or an emulator that died can answer with nothing at all.
 */
import type { CardProfile } from '../../shared/smartcard';

export type Transmit = (command: Buffer) => Promise<Buffer>;

export class CardReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CardReadError';
  }
}

/** The most a short READ BINARY returns (Le = 00 means 256): fewer round trips, a quicker check. */
const CHUNK = 256;

function statusOf(response: Buffer): { data: Buffer; sw: number } {
  if (response.length < 2)
    throw new CardReadError('The card stopped answering. Take it out, put it back and try again.');
  return { data: response.subarray(0, -2), sw: response.readUInt16BE(response.length - 2) };
}

async function command(transmit: Transmit, bytes: number[], step: string): Promise<Buffer> {
  const { data, sw } = statusOf(await transmit(Buffer.from(bytes)));
  if (sw === 0x9000 || sw === 0x6282) return data;
  if (sw === 0x6a82 || sw === 0x6a86 || sw === 0x6a88)
    throw new CardReadError(`This card has no authentication certificate where its profile says (${step}).`);
  throw new CardReadError(
    `The card refused to ${step} (status ${sw.toString(16).toUpperCase()}). Check it is the kind of card the card profile in Settings describes.`,
  );
}

/** The file size from an FCP template (62 .. 80 02 hh ll ..), or null when it does not say. */
export function fcpFileSize(fcp: Buffer): number | null {
  let i = fcp[0] === 0x62 ? 2 : 0;
  while (i + 1 < fcp.length) {
    const tag = fcp[i]!;
    const length = fcp[i + 1]!;
    if (tag === 0x80 || tag === 0x81)
      return fcp.subarray(i + 2, i + 2 + length).reduce((n, b) => n * 256 + b, 0);
    i += 2 + length;
  }
  return null;
}

export async function readCertificate(transmit: Transmit, profile: CardProfile): Promise<Buffer> {
  const aid = [...Buffer.from(profile.aid, 'hex')];
  await command(transmit, [0x00, 0xa4, 0x04, 0x0c, aid.length, ...aid], 'open its certificate application');
  const file = [...Buffer.from(profile.certificateFile, 'hex')];
  const fcp = await command(
    transmit,
    [0x00, 0xa4, 0x02, 0x04, file.length, ...file, 0x00],
    'open its certificate file',
  );
  const size = fcpFileSize(fcp);
  if (!size) throw new CardReadError('The card’s certificate file is empty.');
  const chunks: Buffer[] = [];
  for (let offset = 0; offset < size;) {
    const length = Math.min(CHUNK, size - offset);
    const data = await command(
      transmit,
      [0x00, 0xb0, offset >> 8, offset & 0xff, length & 0xff],
      'let its certificate be read',
    );
    if (data.length === 0) break;
    chunks.push(data);
    offset += data.length;
  }
  return Buffer.concat(chunks);
}
