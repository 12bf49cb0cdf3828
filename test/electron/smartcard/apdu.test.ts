import { describe, expect, it } from 'vitest';
import { CardReadError, fcpFileSize, readCertificate } from '../../../electron/smartcard/apdu';
import { NHS_PROFILE } from '../../../shared/smartcard';

const ok = (data: number[] = []) => Buffer.from([...data, 0x90, 0x00]);

describe('reading the certificate file over APDUs', () => {
  it('selects the application and file, takes the size from the FCP and reads it in chunks', async () => {
    const certificate = Buffer.alloc(500, 0xab);
    const sent: string[] = [];
    const der = await readCertificate(async (command) => {
      sent.push(command.toString('hex'));
      if (command[1] === 0xa4 && command[2] === 0x02) return ok([0x62, 0x04, 0x80, 0x02, 0x01, 0xf4]);
      if (command[1] === 0xb0) {
        const offset = command[2]! * 256 + command[3]!;
        return ok([...certificate.subarray(offset, offset + (command[4] || 256))]);
      }
      return ok();
    }, NHS_PROFILE);
    expect(der).toEqual(certificate);
    expect(sent).toEqual([
      '00a4040c0ca000000063504b43532d3135',
      '00a4020402c00000',
      '00b0000000',
      '00b00100f4',
    ]);
  });

  it('says the card stopped answering when a response is empty, and names a missing certificate', async () => {
    await expect(readCertificate(async () => Buffer.alloc(0), NHS_PROFILE)).rejects.toThrow(
      new CardReadError('The card stopped answering. Take it out, put it back and try again.'),
    );
    await expect(readCertificate(async () => Buffer.from([0x6a, 0x82]), NHS_PROFILE)).rejects.toThrow(
      /no authentication certificate where its profile says \(open its certificate application\)/,
    );
  });

  it('reads the size from tag 80 or 81 of an FCP', () => {
    expect(fcpFileSize(Buffer.from([0x62, 0x07, 0x82, 0x01, 0x01, 0x80, 0x02, 0x03, 0x20]))).toBe(800);
    expect(fcpFileSize(Buffer.from([0x62, 0x03, 0x81, 0x01, 0x10]))).toBe(16);
    expect(fcpFileSize(Buffer.from([0x62, 0x03, 0x82, 0x01, 0x01]))).toBeNull();
  });
});
