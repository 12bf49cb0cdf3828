/**
 * Key slots: the store's random data key, wrapped (AES-256-GCM) once per operator by a key derived
 * from that operator's passphrase. The slots live in a file beside the database, never in it, so the
 * database can be opened only after a slot has been unwrapped. The GCM additional data binds a slot
 * to its store and operator, so a slot cannot be copied to another operator or another store.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-file';
import { GatehouseError } from './errors';
import { deriveKey, newSalt, type ScryptParams } from './kdf';

const slotSchema = z.object({
  operatorId: z.string().uuid(),
  name: z.string().min(1),
  kdf: z.object({
    name: z.literal('scrypt'),
    N: z.number().int().positive(),
    r: z.number().int().positive(),
    p: z.number().int().positive(),
    salt: z.string().min(1),
  }),
  iv: z.string().min(1),
  wrappedKey: z.string().min(1),
  tag: z.string().min(1),
});
export type KeySlot = z.infer<typeof slotSchema>;

const slotFileSchema = z.object({
  format: z.literal('gatehouse-keyslots'),
  version: z.literal(1),
  storeId: z.string().uuid(),
  slots: z.array(slotSchema),
});
export type KeySlotFile = z.infer<typeof slotFileSchema>;

function additionalData(storeId: string, operatorId: string): Buffer {
  return Buffer.from(`gatehouse-keyslot:v1:${storeId}:${operatorId}`, 'utf8');
}

export function sameName(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase('en-GB') === b.trim().toLocaleLowerCase('en-GB');
}

export async function wrapDataKey(
  dataKey: Buffer,
  passphrase: string,
  owner: { storeId: string; operatorId: string; name: string },
  params: ScryptParams,
): Promise<KeySlot> {
  const salt = newSalt();
  const kek = await deriveKey(passphrase, salt, params);
  try {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', kek, iv);
    cipher.setAAD(additionalData(owner.storeId, owner.operatorId));
    const wrapped = Buffer.concat([cipher.update(dataKey), cipher.final()]);
    return {
      operatorId: owner.operatorId,
      name: owner.name,
      kdf: { ...params, salt: salt.toString('base64') },
      iv: iv.toString('base64'),
      wrappedKey: wrapped.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
    };
  } finally {
    kek.fill(0);
  }
}

/** The data key, or null when the passphrase does not open this slot. */
export async function unwrapDataKey(
  slot: KeySlot,
  passphrase: string,
  storeId: string,
): Promise<Buffer | null> {
  const { salt, ...params } = slot.kdf;
  const kek = await deriveKey(passphrase, Buffer.from(salt, 'base64'), params);
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(slot.iv, 'base64'));
    decipher.setAAD(additionalData(storeId, slot.operatorId));
    decipher.setAuthTag(Buffer.from(slot.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(slot.wrappedKey, 'base64')), decipher.final()]);
  } catch {
    return null;
  } finally {
    kek.fill(0);
  }
}

export function parseKeySlots(text: string, source: string): KeySlotFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new GatehouseError(
      'STORE_UNREADABLE',
      `The key slot file ${source} is not valid JSON. It has not been changed; restore it from a backup.`,
    );
  }
  const parsed = slotFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new GatehouseError(
      'STORE_UNREADABLE',
      `The key slot file ${source} is not a Gatehouse key slot file. It has not been changed; restore it from a backup.`,
    );
  }
  return parsed.data;
}

export function readKeySlots(path: string): KeySlotFile {
  if (!existsSync(path)) {
    throw new GatehouseError(
      'STORE_UNREADABLE',
      `The key slot file ${path} is missing, so the database cannot be unlocked. Restore it from a backup.`,
    );
  }
  return parseKeySlots(readFileSync(path, 'utf8'), path);
}

export function writeKeySlots(path: string, file: KeySlotFile): void {
  writeFileAtomic(path, `${JSON.stringify(file, null, 2)}\n`);
}

export function findSlot(file: KeySlotFile, name: string): KeySlot | undefined {
  return file.slots.find((slot) => sameName(slot.name, name));
}
