/**
 * The reader service against the real PC/SC daemon (pcscd with vpcd) and virtual cards: what an RA
 * officer sees for good, expired, foreign, empty and damaged cards, a card taken out, and pcscd
 * stopping and coming back. Outside CI, a machine without the PC/SC packages skips these, saying why.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReaderService } from '../../../electron/smartcard/pcsc';
import { NHS_ATRS } from '../../../shared/atr-table';
import { NHS_PROFILE } from '../../../shared/smartcard';
import type { ReaderService } from '../../../electron/smartcard/reader-service';
import { certificateFactory, type CertificateFactory } from '../../support/smartcard/certificates';
import { testDate } from '../../support/test-clock';
import { labMissing, PcscLab, READERS, until } from '../../support/smartcard/pcsc-lab';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const missing = labMissing();
if (missing && process.env.CI) throw new Error(`Smartcard tests cannot run in CI: ${missing}`);

const SAM = '/C=GB/O=nhs/CN=555123456789/GN=Sam/SN=Patel';
// The reader service and the certificates share one today, the test's own.
const TODAY = testDate();

describe.skipIf(missing !== null)(
  `smartcard readers over PC/SC${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    let lab: PcscLab;
    let certificates: CertificateFactory;
    let service: ReaderService;
    // One folder for the whole file: the lab's card files and certificates outlive each test.
    const dir = mkdtempSync(join(tmpdir(), 'gatehouse-pcsc-'));
    const reader0 = (s = service.state()) => s.readers.find((r) => r.name === READERS[0]);
    const cardRead = (s: ReturnType<ReaderService['state']>) =>
      ['read', 'failed'].includes(reader0(s)?.card?.state ?? '');

    async function insertAndRead(certificate: Buffer | null, atr?: string) {
      await lab.insert(0, { certificate, atr });
      return reader0(await until(service, cardRead, 'the card to be read'))!.card!;
    }

    async function takeOut() {
      lab.remove(0);
      await until(service, (s) => reader0(s)?.card === null, 'the card to be taken out');
    }

    beforeAll(async () => {
      lab = new PcscLab(dir);
      certificates = certificateFactory(dir, TODAY);
      await lab.start();
      const started = await startReaderService({ retryMs: 200, today: () => TODAY });
      if (!started.ok) throw new Error(started.message);
      service = started.service;
      await until(service, (s) => s.readers.length === 2, 'both virtual readers');
    }, 30_000);

    afterAll(() => {
      service?.stop();
      lab?.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('names an NHS card from its ATR and reads the holder’s UUID, name, issuer and validity from its certificate', async () => {
      const card = await insertAndRead(certificates.card(SAM, { days: 365 }));
      expect(card).toMatchObject({
        atr: '3B F9 18 00 00 81 31 FE 45 4A 43 4F 50 34 31 56 32 32 AF',
        cardType: 'NHS Care Identity Service (CIS) smartcard (JCOP41)',
        state: 'read',
        problem: null,
        identity: {
          uuid: '555123456789',
          holderName: 'Sam Patel',
          subject: 'C=GB, O=nhs, CN=555123456789, GN=Sam, SN=Patel',
          issuer: 'C=GB, O=nhs, OU=CA, CN=NHS Authentication G2',
          issuerKnown: true,
          expiry: null,
        },
      });
      await takeOut();
    });

    it('warns of a certificate expiring within 60 days, flags an expired one and an unknown issuer', async () => {
      expect((await insertAndRead(certificates.card(SAM, { days: 45 }))).identity?.expiry).toBe('60');
      await takeOut();
      expect((await insertAndRead(certificates.card(SAM, { days: -1 }))).identity?.expiry).toBe('expired');
      await takeOut();
      const foreign = await insertAndRead(certificates.card(SAM, { selfSigned: true }));
      expect(foreign.identity).toMatchObject({
        issuerKnown: false,
        issuer: 'C=GB, O=nhs, CN=555123456789, GN=Sam, SN=Patel',
      });
      await takeOut();
    });

    it('says so, without failing, for a card with no certificate, with garbage in its place, or of another kind', async () => {
      expect(await insertAndRead(null)).toMatchObject({
        state: 'failed',
        identity: null,
        problem: expect.stringContaining('has no authentication certificate'),
      });
      await takeOut();
      expect(await insertAndRead(Buffer.from('this is not a certificate at all'))).toMatchObject({
        state: 'failed',
        problem: expect.stringContaining('is not a certificate'),
      });
      await takeOut();
      expect(await insertAndRead(certificates.card(SAM), '3B8A80014A4F4E4553544553543171')).toMatchObject({
        cardType: null,
        state: 'read',
      });
      await takeOut();
      // An imported table names it; a profile reading the UUID from another place changes what is read.
      service.configure({
        profile: { ...NHS_PROFILE, uuidRdn: 1 },
        atrTable: [
          ...NHS_ATRS,
          { pattern: '3B 8A 80 01 4A 4F 4E 45 53 54 45 53 54 31 71', descriptions: ['A test card'] },
        ],
      });
      const named = await insertAndRead(
        certificates.card('/CN=123456789012/O=nhs'),
        '3B8A80014A4F4E4553544553543171',
      );
      expect([named.cardType, named.identity?.uuid]).toEqual(['A test card', '123456789012']);
      await takeOut();
      service.configure({ profile: NHS_PROFILE, atrTable: NHS_ATRS });
    });

    it('sees a card taken out at once, with an event', async () => {
      await insertAndRead(certificates.card(SAM));
      const removed = new Promise<string>((resolve) => service.once('card-removed', resolve));
      lab.remove(0);
      expect(await removed).toBe(READERS[0]);
      expect(reader0()?.card).toBeNull();
    });

    it('copes with a card pulled out in the middle of being read, and reads the next one', async () => {
      await lab.insert(0, { certificate: certificates.card(SAM) });
      await until(service, (s) => reader0(s)?.card?.state === 'reading', 'the read to begin');
      lab.remove(0);
      await until(service, (s) => reader0(s)?.card === null, 'the card to be seen gone');
      expect((await insertAndRead(certificates.card(SAM))).identity?.uuid).toBe('555123456789');
      await takeOut();
    });

    it('reports the PC/SC service stopping, and recovers by itself when it is back', async () => {
      lab.killDaemon();
      const down = await until(
        service,
        (s) => s.service === 'no-service',
        'the service to be reported missing',
      );
      expect(down.message).toContain('The smartcard service is not running');
      expect(down.readers).toEqual([]);
      await lab.startDaemon();
      await until(
        service,
        (s) => s.service === 'ready' && s.readers.length === 2,
        'the readers to come back',
      );
      expect((await insertAndRead(certificates.card(SAM))).identity?.uuid).toBe('555123456789');
      await takeOut();
    }, 30_000);
  },
);
