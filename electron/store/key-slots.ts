/**
 * Key slots: the store's random data key and each operator's signing key, wrapped once per operator
 * by a key derived from that operator's passphrase. The slots live in a file beside the database,
 * never in it, so the database can be opened only after a slot has been unwrapped. The file format
 * is in key-slot-format.ts, the cryptography in key-slot-crypto.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from './atomic-file';
import { GatehouseError } from './errors';
import { openSlot } from './key-slot-crypto';
import { type KeySlot, type KeySlotFile, parseKeySlots, serialiseKeySlots } from './key-slot-format';

export { openSlot, wrapSlot, type OpenedSlot, type SlotSecrets } from './key-slot-crypto';
export {
  damagedSlotMessage,
  findSlot,
  type KeySlot,
  type KeySlotFile,
  nameHashFor,
  newNameKey,
  normaliseName,
  parseKeySlots,
  sameName,
  serialiseKeySlots,
} from './key-slot-format';

/** The data key alone, or null when the passphrase does not open this slot (restore uses this). */
export async function unwrapDataKey(
  slot: KeySlot,
  passphrase: string,
  storeId: string,
): Promise<Buffer | null> {
  const opened = await openSlot(slot, passphrase, storeId);
  if (!opened) return null;
  opened.signingKey.fill(0);
  return opened.dataKey;
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
  writeFileAtomic(path, serialiseKeySlots(file));
}
