/**
 * A card just put in may answer its first commands before it has settled (real contacts bounce), and
 * other software reading the same card at the same moment (the NHS Identity Agent, another Gatehouse
 * window; PC/SC shares the card) can slip its commands between ours: the reader service reads it
 * again after a moment, up to READ_TRIES times, before telling the person it could not be read.
 */
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type PcscDevices, READ_TRIES, ReaderService } from '../../../electron/smartcard/reader-service';
import { certificateFactory } from '../../support/smartcard/certificates';
import { NHS_ATR } from '../../support/smartcard/pcsc-lab';
import { tempDir } from '../../support/temp-core';
import { testDate } from '../../support/test-clock';

const ok = (data: number[] = []) => Buffer.from([...data, 0x90, 0x00]);

/**
 * A card holding `certificate` whose first `refusals` reads answer 6986 (no current file: another
 * application selected elsewhere between our SELECT and READ BINARY), and whose first `garbled` reads
 * answer bytes of some other file.
 */
function cardRefusing(certificate: Buffer, refusals: number, garbled = 0) {
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
        if (reads <= refusals + garbled) return ok(new Array<number>(command[4] || 256).fill(0x55));
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

  it('is read until its holder shows when another application keeps getting in the way', async () => {
    const card = cardRefusing(certificate, READ_TRIES - 1);
    expect(await insert(card)).toMatchObject({ state: 'read', identity: { uuid: '555123456789' } });
  });

  it('is read again when what came back was not the certificate (another read fell between)', async () => {
    const card = cardRefusing(certificate, 0, 1);
    expect(await insert(card)).toMatchObject({ state: 'read', identity: { uuid: '555123456789' } });
  });

  it('that still cannot be read is reported, after READ_TRIES tries', async () => {
    const card = cardRefusing(certificate, 99);
    expect(await insert(card)).toMatchObject({
      state: 'failed',
      problem: expect.stringMatching(/status 6986/),
    });
    expect(card.reads()).toBe(READ_TRIES);
  });

  describe('taken out while it is read again', () => {
    afterEach(() => vi.useRealTimers());

    it('and another of the same type put in: the new card is shown, not the old one’s failure', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout'] });
      const devices = Object.assign(new EventEmitter(), { start() {}, stop() {}, listReaders: () => [] });
      const service = new ReaderService({
        createDevices: () => devices as unknown as PcscDevices,
        settleMs: 5,
        today: () => testDate(),
      });
      service.start();
      devices.emit('reader-attached', { name: 'Reader A' });
      const reader = { name: 'Reader A', atr: Buffer.from(NHS_ATR, 'hex') };
      const gone = cardRefusing(certificate, 99);
      devices.emit('card-inserted', { reader, card: gone });
      await vi.advanceTimersByTimeAsync(0); // its first read fails; it waits to read again
      devices.emit('card-removed', { reader });
      const read = new Promise((done) => service.once('card-read', done));
      devices.emit('card-inserted', { reader, card: cardRefusing(certificate, 0) });
      await read;
      // Long enough for every try the first card's read had left.
      await vi.advanceTimersByTimeAsync(1_000);
      service.stop();
      expect(gone.reads()).toBe(1);
      expect(service.state().readers[0]!.card).toMatchObject({
        state: 'read',
        identity: { uuid: '555123456789' },
      });
    });
  });
});
