/**
 * Wrapping and unwrapping a key slot's secrets (AES-256-GCM under a key derived from the operator's
 * passphrase): the store's data key and, beside it, the operator's Ed25519 signing key, each with its
 * own IV, tag and additional data. The additional data binds each to its store and operator, so a slot
 * cannot be copied to another operator or another store.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { newSigningKeyPair } from './audit-signing';
import { GatehouseError } from './errors';
import { deriveKey, newSalt, type ScryptParams } from './kdf';
import { damagedSlotMessage, type KeySlot, type WrappedSecret } from './key-slot-format';

function dataKeyAad(storeId: string, operatorId: string): Buffer {
  return Buffer.from(`gatehouse-keyslot:v1:${storeId}:${operatorId}`, 'utf8');
}

function signingKeyAad(storeId: string, operatorId: string): Buffer {
  return Buffer.from(`gatehouse-signing-key:v1:${storeId}:${operatorId}`, 'utf8');
}

function wrap(kek: Buffer, secret: Buffer, aad: Buffer): WrappedSecret {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(aad);
  const wrapped = Buffer.concat([cipher.update(secret), cipher.final()]);
  return {
    iv: iv.toString('base64'),
    wrappedKey: wrapped.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

function unwrap(kek: Buffer, secret: WrappedSecret, aad: Buffer): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(secret.iv, 'base64'));
    decipher.setAAD(aad);
    decipher.setAuthTag(Buffer.from(secret.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(secret.wrappedKey, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

export interface SlotSecrets {
  dataKey: Buffer;
  /** PKCS#8 DER of the operator's Ed25519 private key. */
  signingKey: Buffer;
}

export async function wrapSlot(
  secrets: SlotSecrets,
  passphrase: string,
  owner: { storeId: string; operatorId: string; nameHash: string },
  params: ScryptParams,
): Promise<KeySlot> {
  const salt = newSalt();
  const kek = await deriveKey(passphrase, salt, params);
  try {
    return {
      operatorId: owner.operatorId,
      nameHash: owner.nameHash,
      kdf: { ...params, salt: salt.toString('base64') },
      ...wrap(kek, secrets.dataKey, dataKeyAad(owner.storeId, owner.operatorId)),
      signingKey: wrap(kek, secrets.signingKey, signingKeyAad(owner.storeId, owner.operatorId)),
    };
  } finally {
    kek.fill(0);
  }
}

export interface OpenedSlot extends SlotSecrets {
  /** The slot as it should now be stored: with a new signing key if it had none. */
  slot: KeySlot;
  /** The public half of a signing key made now, to record in the audit trail; null if it existed. */
  newPublicKey: string | null;
}

/**
 * The slot's secrets, or null when the passphrase does not open it. A slot whose data key opens but
 * whose signing key does not has been damaged, and says so.
 */
export async function openSlot(
  slot: KeySlot,
  passphrase: string,
  storeId: string,
): Promise<OpenedSlot | null> {
  const { salt, ...params } = slot.kdf;
  const kek = await deriveKey(passphrase, Buffer.from(salt, 'base64'), params);
  try {
    const dataKey = unwrap(kek, slot, dataKeyAad(storeId, slot.operatorId));
    if (!dataKey) return null;
    if (slot.signingKey) {
      const signingKey = unwrap(kek, slot.signingKey, signingKeyAad(storeId, slot.operatorId));
      if (!signingKey) {
        dataKey.fill(0);
        throw new GatehouseError('STORE_UNREADABLE', damagedSlotMessage());
      }
      return { dataKey, signingKey, slot, newPublicKey: null };
    }
    // An operator from before signatures: their signing key is made now, at their sign-in.
    const pair = newSigningKeyPair();
    const signingKey = wrap(kek, pair.privateKey, signingKeyAad(storeId, slot.operatorId));
    return {
      dataKey,
      signingKey: pair.privateKey,
      slot: { ...slot, signingKey },
      newPublicKey: pair.publicKey,
    };
  } finally {
    kek.fill(0);
  }
}
