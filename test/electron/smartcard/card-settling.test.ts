/**
 * A card just put in may answer its first commands before it has settled (seen with the virtual
 * cards, and real contacts bounce too): the reader service reads it once more after a moment before
 * telling the person it could not be read, and still tells them when the second read fails as well.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { type PcscDevices, ReaderService } from '../../../electron/smartcard/reader-service';
import { certificateFactory } from '../../support/smartcard/certificates';
import { NHS_ATR } from '../../support/smartcard/pcsc-lab';
import { tempDir } from '../../support/temp-core';
import { testDate } from '../../support/test-clock';

const ok = (data: number[] = []) => Buffer.from([...data, 0x90, 0x00]);

/** A card holding `certificate` whose first `refusals` reads answer 6986 (no current file). */
function cardRefusing(certificate: Buffer, refusals: number) {
  let reads = 0;
  return {
    reads: () => reads,
    async transmit(command: Buffer): Promise<Buffer> {
      if (command[1] === 0xa4 && command[2] === 0x02) {
        return ok([0x62, 0x04, 0x80, 0x02, certificate.length >> 8, certificate.length & 0xff]);
      }
      if (command[1] === 0xb0) {
        reads += 1;
        if (reads <= refusals) return Buffer.from([0x69, 0x86]);
        const offset = command[2]! * 256 + command[3]!;
        return ok([...certificate.subarray(offset, offset + (command[4] || 256))]);
      }
      return ok();
    },
  };
}

async function insert(card: ReturnType<typeof cardRefusing>) {
  const devices = Object.assign(new EventEmitter(), { start() {}, stop() {}, listReaders: () => [] });
  const service = new ReaderService({
    createDevices: () => devices as unknown as PcscDevices,
    settleMs: 5,
    today: () => testDate(),
  });
  service.start();
  devices.emit('reader-attached', { name: 'Reader A' });
  const read = new Promise((done) => service.once('card-read', done));
  devices.emit('card-inserted', { reader: { name: 'Reader A', atr: Buffer.from(NHS_ATR, 'hex') }, card });
  await read;
  service.stop();
  return service.state().readers[0]!.card!;
}

describe('a card that has not settled', () => {
  const certificate = certificateFactory(tempDir(), testDate()).card(
    '/C=GB/O=nhs/CN=555123456789/GN=Sam/SN=Patel',
  );

  it('is read once more after a moment, and its holder shown', async () => {
    const card = cardRefusing(certificate, 1);
    expect(await insert(card)).toMatchObject({ state: 'read', identity: { uuid: '555123456789' } });
  });

  it('that still cannot be read is reported, after two tries', async () => {
    const card = cardRefusing(certificate, 99);
    expect(await insert(card)).toMatchObject({
      state: 'failed',
      problem: expect.stringMatching(/status 6986/),
    });
    expect(card.reads()).toBe(2);
  });
});
