/**
 * Passphrase -> key-encryption key. scrypt at the OWASP Password Storage Cheat Sheet's minimum
 * (N=2^17, r=8, p=1). The parameters are stored in each key slot, so a slot made with older or
 * test-only parameters still opens, and raising the cost later needs no migration.
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

export function newSalt(): Buffer {
  return randomBytes(SALT_BYTES);
}

export function deriveKey(passphrase: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  if (params.name !== 'scrypt') {
    return Promise.reject(new Error(`Unsupported key derivation ${String(params.name)}`));
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
