/**
 * Test certificates made with the openssl command: a stand-in for the NHS Authentication G2 CA, and
 * card certificates it signs (valid, expiring soon or expired) or that sign themselves (unknown issuer).
 * Every validity period is explicit and counted from the test's own "today", never from the machine's
 * clock, so a card made "expired" reads as expired on whatever date the tests run.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
const openssl = (args: string[], cwd: string) =>
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });

export interface CertificateFactory {
  /**
   * A card certificate valid from 30 days before today until `days` after it; `days` negative gives
   * one that expired that many days ago.
   */
  card(subject: string, options?: { days?: number; selfSigned?: boolean }): Buffer;
}

/** openssl's GeneralizedTime for midnight UTC `days` after the calendar date `today`. */
function opensslTime(today: string, days: number): string {
  const date = new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000);
  return `${date.toISOString().slice(0, 10).replaceAll('-', '')}000000Z`;
}

// `openssl ca` is the openssl 3.0 command that takes explicit start and end dates.
const CA_CONFIG = `[ ca ]
default_ca = test
[ test ]
dir = .
database = index.txt
new_certs_dir = .
serial = serial
default_md = sha256
policy = any
unique_subject = no
copy_extensions = none
[ any ]
commonName = optional
`;

/** `today` is the test clock's calendar date (YYYY-MM-DD). */
export function certificateFactory(dir: string, today: string): CertificateFactory {
  writeFileSync(join(dir, 'ca.cnf'), CA_CONFIG);
  writeFileSync(join(dir, 'index.txt'), '');
  writeFileSync(join(dir, 'serial'), '01\n');
  const sign = (
    csr: string,
    out: string,
    from: number,
    to: number,
    issuer: { cert: string; key: string } | { selfKey: string },
  ) =>
    openssl(
      [
        'ca',
        '-batch',
        '-config',
        'ca.cnf',
        ...('selfKey' in issuer
          ? ['-selfsign', '-keyfile', issuer.selfKey]
          : ['-cert', issuer.cert, '-keyfile', issuer.key]),
        '-in',
        csr,
        '-startdate',
        opensslTime(today, from),
        '-enddate',
        opensslTime(today, to),
        '-preserveDN',
        '-notext',
        '-outdir',
        '.',
        '-out',
        out,
      ],
      dir,
    );
  const request = (name: string, subject: string) =>
    openssl(['req', '-new', ...EC, '-keyout', `${name}.key`, '-subj', subject, '-out', `${name}.csr`], dir);

  request('ca', '/C=GB/O=nhs/OU=CA/CN=NHS Authentication G2');
  sign('ca.csr', 'ca.pem', -3650, 3650, { selfKey: 'ca.key' });
  let n = 0;
  return {
    card(subject, { days = 365, selfSigned = false } = {}) {
      n += 1;
      const name = `card-${n}`;
      request(name, subject);
      const from = Math.min(-30, days - 30);
      sign(
        `${name}.csr`,
        `${name}.pem`,
        from,
        days,
        selfSigned ? { selfKey: `${name}.key` } : { cert: 'ca.pem', key: 'ca.key' },
      );
      openssl(['x509', '-in', `${name}.pem`, '-outform', 'der', '-out', `${name}.der`], dir);
      return readFileSync(join(dir, `${name}.der`));
    },
  };
}
