/**
 * Passphrase -> key-encryption key. scrypt at the OWASP Password Storage Cheat Sheet's minimum
 * (N=2^17, r=8, p=1). The parameters are stored in each key slot, so a slot made with older or
 * test-only parameters still opens, and raising the cost later needs no migration.
 *
 * Parameters read from a slot file are bounded (issue 10 §3): a slot asking for more than 1 GiB or
 * an absurd cost is a damaged slot, never a 14-second, 4 GiB derivation or an INTERNAL error. The
 * lower bound is 2^12 because the unit tests make their slots at that cost to stay quick.
 */
import { randomBytes, scrypt } from 'node:crypto';

export interface ScryptParams {
  name: 'scrypt';
  N: number;
  r: number;
  p: number;
}

export const OWASP_SCRYPT: ScryptParams = { name: 'scrypt', N: 2 ** 17, r: 8, p: 1 };

export const KEY_BYTES = 32;
export const SALT_BYTES = 16;

export const KDF_BOUNDS = { minN: 2 ** 12, maxN: 2 ** 20, maxR: 16, maxP: 4, maxMemory: 2 ** 30 } as const;

/** Whether scrypt parameters are within what Gatehouse ever writes (a power of two N, small r and p). */
export function kdfWithinBounds(params: { N: number; r: number; p: number }): boolean {
  const { N, r, p } = params;
  return (
    Number.isInteger(N) &&
    Number.isInteger(r) &&
    Number.isInteger(p) &&
    N >= KDF_BOUNDS.minN &&
    N <= KDF_BOUNDS.maxN &&
    (N & (N - 1)) === 0 &&
    r >= 1 &&
    r <= KDF_BOUNDS.maxR &&
    p >= 1 &&
    p <= KDF_BOUNDS.maxP &&
    128 * N * r <= KDF_BOUNDS.maxMemory
  );
}

export function newSalt(): Buffer {
  return randomBytes(SALT_BYTES);
}

export function deriveKey(passphrase: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  if (params.name !== 'scrypt' || !kdfWithinBounds(params)) {
    return Promise.reject(new Error(`Key derivation parameters out of bounds: ${JSON.stringify(params)}`));
  }
  // scrypt needs 128 * N * r bytes; allow twice that so the default limit never refuses it.
  const maxmem = 256 * params.N * params.r;
  return new Promise((resolve, reject) => {
    scrypt(
      passphrase.normalize('NFC'),
      salt,
      KEY_BYTES,
      { N: params.N, r: params.r, p: params.p, maxmem },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}
