/** A SoftHSM2 token holding a certificate: a real PKCS#11 module for the middleware route's tests. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SOFTHSM_MODULE = '/usr/lib/softhsm/libsofthsm2.so';

export function softhsmMissing(): string | null {
  if (!existsSync(SOFTHSM_MODULE)) return 'softhsm2 is not installed';
  if (!existsSync('/usr/bin/pkcs11-tool')) return 'opensc (pkcs11-tool) is not installed';
  return null;
}

/** A token store in `dir` with one token holding `certificate`; returns SOFTHSM2_CONF's value. */
export function tokenWithCertificate(dir: string, certificate: Buffer): string {
  mkdirSync(join(dir, 'tokens'), { recursive: true });
  const conf = join(dir, 'softhsm2.conf');
  writeFileSync(
    conf,
    `directories.tokendir = ${join(dir, 'tokens')}\nobjectstore.backend = file\nlog.level = ERROR\n`,
  );
  const env = { ...process.env, SOFTHSM2_CONF: conf };
  execFileSync(
    'softhsm2-util',
    ['--init-token', '--free', '--label', 'Gatehouse test', '--pin', '1234', '--so-pin', '12345678'],
    { env, stdio: 'ignore' },
  );
  const der = join(dir, 'certificate.der');
  writeFileSync(der, certificate);
  execFileSync(
    'pkcs11-tool',
    [
      '--module',
      SOFTHSM_MODULE,
      '--login',
      '--pin',
      '1234',
      '--write-object',
      der,
      '--type',
      'cert',
      '--id',
      '01',
      '--label',
      'Authentication',
    ],
    { env, stdio: 'ignore' },
  );
  return conf;
}
