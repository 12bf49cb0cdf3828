/**
 * Operators' signing keys (issue 10 §1, REP-3). Each operator has an Ed25519 key pair: the private
 * half is wrapped in their key slot beside the data key, the public half is recorded in the audit
 * trail when the operator is added (or, for operators older than signatures, at their next sign-in).
 * Every audit event is signed by the operator who caused it, so an insider who can open the database
 * cannot write or rewrite an event in someone else's name without that person's passphrase.
 *
 * Formats (kept plain for the shared Trust register, issue 11):
 * - public key: base64url of the 32-byte raw Ed25519 key (the `x` of its JWK);
 * - event signature: base64 of Ed25519 over the UTF-8 text `gatehouse-audit-event:v1\n<event hash>`;
 * - anchor signature: base64 of Ed25519 over `gatehouse-audit-anchor:v1\n<canonical JSON of the anchor
 *   without its signature>` (see audit-anchor.ts).
 */
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto';

export interface SigningKeyPair {
  /** PKCS#8 DER of the private key: zero it once wrapped. */
  privateKey: Buffer;
  publicKey: string;
}

export function newSigningKeyPair(): SigningKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }),
    publicKey: publicKeyText(publicKey),
  };
}

function publicKeyText(key: KeyObject): string {
  const jwk = key.export({ format: 'jwk' });
  if (typeof jwk.x !== 'string') throw new Error('An Ed25519 public key has no x');
  return jwk.x;
}

/** The public half of a wrapped-and-unwrapped private key, to compare with what the trail records. */
export function publicKeyOf(privateKey: Buffer): string {
  return publicKeyText(createPublicKey(createPrivateKey({ key: privateKey, format: 'der', type: 'pkcs8' })));
}

export function eventMessage(hash: string): Buffer {
  return Buffer.from(`gatehouse-audit-event:v1\n${hash}`, 'utf8');
}

export function signMessage(privateKey: Buffer, message: Buffer): string {
  const key = createPrivateKey({ key: privateKey, format: 'der', type: 'pkcs8' });
  return sign(null, message, key).toString('base64');
}

const publicKeys = new Map<string, KeyObject | null>();

function publicKeyObject(publicKey: string): KeyObject | null {
  let key = publicKeys.get(publicKey);
  if (key === undefined) {
    try {
      key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: publicKey }, format: 'jwk' });
    } catch {
      key = null;
    }
    if (publicKeys.size > 1000) publicKeys.clear();
    publicKeys.set(publicKey, key);
  }
  return key;
}

export function verifyMessage(publicKey: string, message: Buffer, signature: string): boolean {
  const key = publicKeyObject(publicKey);
  if (!key) return false;
  const bytes = Buffer.from(signature, 'base64');
  if (bytes.length !== 64) return false;
  try {
    return verify(null, message, key, bytes);
  } catch {
    return false;
  }
}
