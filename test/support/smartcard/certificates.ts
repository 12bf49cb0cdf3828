/**
 * Test certificates made with the openssl command: a stand-in for the NHS Authentication G2 CA, and
 * card certificates it signs (valid, expiring soon or expired) or that sign themselves (unknown issuer).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
const openssl = (args: string[]) => execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });

export interface CertificateFactory {
  /** A card certificate; `days` negative gives one that has already expired. */
  card(subject: string, options?: { days?: number; selfSigned?: boolean }): Buffer;
}

export function certificateFactory(dir: string): CertificateFactory {
  const caKey = join(dir, 'ca.key');
  const caCert = join(dir, 'ca.pem');
  openssl([
    'req',
    '-x509',
    ...EC,
    '-keyout',
    caKey,
    '-out',
    caCert,
    '-days',
    '3650',
    '-subj',
    '/C=GB/O=nhs/OU=CA/CN=NHS Authentication G2',
  ]);
  let n = 0;
  return {
    card(subject, { days = 365, selfSigned = false } = {}) {
      n += 1;
      const key = join(dir, `card-${n}.key`);
      const out = join(dir, `card-${n}.der`);
      if (selfSigned) {
        openssl([
          'req',
          '-x509',
          ...EC,
          '-keyout',
          key,
          '-days',
          String(days),
          '-subj',
          subject,
          '-outform',
          'der',
          '-out',
          out,
        ]);
      } else {
        const csr = join(dir, `card-${n}.csr`);
        openssl(['req', '-new', ...EC, '-keyout', key, '-subj', subject, '-out', csr]);
        openssl([
          'x509',
          '-req',
          '-in',
          csr,
          '-CA',
          caCert,
          '-CAkey',
          caKey,
          '-days',
          String(days),
          '-outform',
          'der',
          '-out',
          out,
        ]);
      }
      return readFileSync(out);
    },
  };
}
