/** The PKCS#11 route (issue 4 §2) against SoftHSM2, a real PKCS#11 module, through the CLI. */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { type PcscDevices, ReaderService } from '../../../electron/smartcard/reader-service';
import { NHS_PROFILE } from '../../../shared/smartcard';
import { certificateFactory } from '../../support/smartcard/certificates';
import { testDate } from '../../support/test-clock';
import { SOFTHSM_MODULE, softhsmMissing, tokenWithCertificate } from '../../support/smartcard/softhsm';
import { runGatehouse } from '../../support/run-cli';
import { tempDir } from '../../support/temp-core';

const missing = softhsmMissing();
if (missing && process.env.CI) throw new Error(`The PKCS#11 tests cannot run in CI: ${missing}`);

describe.skipIf(missing !== null)(
  `reading the certificate through a PKCS#11 module${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    it('reads the UUID, subject, issuer and validity of the token’s certificate, and says plainly when the module is wrong', () => {
      const dir = tempDir();
      const certificate = certificateFactory(dir, testDate()).card(
        '/C=GB/O=nhs/CN=555123456789/GN=Sam/SN=Patel',
      );
      const conf = tokenWithCertificate(dir, certificate);
      const read = runGatehouse(['card', 'read', '--pkcs11', SOFTHSM_MODULE], '', { SOFTHSM2_CONF: conf });
      expect(read.stderr).toBe('');
      expect(read.code).toBe(0);
      expect(read.stdout).toContain('Gatehouse test: certificate "Authentication"');
      expect(read.stdout).toContain('  UUID: 555123456789');
      expect(read.stdout).toContain('  Issuer: C=GB, O=nhs, OU=CA, CN=NHS Authentication G2');
      const json = JSON.parse(
        runGatehouse(['card', 'read', '--pkcs11', SOFTHSM_MODULE, '--json'], '', { SOFTHSM2_CONF: conf })
          .stdout,
      );
      expect(json[0].identity).toMatchObject({
        uuid: '555123456789',
        holderName: 'Sam Patel',
        issuerKnown: true,
      });

      expect(runGatehouse(['card', 'read', '--pkcs11', '/nonexistent/libnothing.so'])).toMatchObject({
        code: 2,
        stderr: expect.stringContaining('/nonexistent/libnothing.so could not be loaded as a PKCS#11 module'),
      });
    });

    it('reads through the middleware when the card profile names a PKCS#11 module', async () => {
      const dir = tempDir();
      const certificate = certificateFactory(dir, testDate()).card(
        '/C=GB/O=nhs/CN=555123456789/GN=Sam/SN=Patel',
      );
      process.env.SOFTHSM2_CONF = tokenWithCertificate(dir, certificate);
      // PC/SC events from a stand-in; its card answers no APDU, so only the middleware can give the certificate.
      const devices = Object.assign(new EventEmitter(), {
        start() {},
        stop() {},
        listReaders: () => [{ name: 'Reader A' }],
      });
      const service = new ReaderService({
        createDevices: () => devices as unknown as PcscDevices,
        profile: { ...NHS_PROFILE, pkcs11Module: SOFTHSM_MODULE },
        today: () => testDate(),
      });
      service.start();
      devices.emit('reader-attached', { name: 'Reader A' });
      const read = new Promise((resolve) => service.once('card-read', resolve));
      devices.emit('card-inserted', {
        reader: { name: 'Reader A', atr: Buffer.from('3BF91800008131FE454A434F503431563232AF', 'hex') },
        card: { transmit: async () => Buffer.alloc(0) },
      });
      await read;
      expect(service.state().readers[0]?.card).toMatchObject({
        state: 'read',
        identity: { uuid: '555123456789', holderName: 'Sam Patel', issuerKnown: true },
      });
      service.stop();
      delete process.env.SOFTHSM2_CONF;
    });
  },
);
