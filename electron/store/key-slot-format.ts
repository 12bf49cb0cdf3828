/**
 * The key slot file (keyslots.json), version 2 (issue 10 §3, §4):
 *   { format: 'gatehouse-keyslots', version: 2, storeId, nameKey, slots: [...] }
 * - `nameKey` is a random per-store key; a slot is found by `nameHash`, the HMAC-SHA-256 under it of
 *   the operator's normalised name, so the file (and every backup) holds no names: they live in the
 *   encrypted database.
 * - each slot carries `check`, a SHA-256 over the store id and the slot's other fields. It is keyed by
 *   nothing secret: it cannot stop a forger, but it tells a slot damaged on disk (a flipped key, tag or
 *   salt, a changed store id) from a wrong passphrase, so the rightful operator is told to restore the
 *   file instead of being counted towards the sign-in back-off.
 * Version 1 files (names in plain text, no checks, no signing keys) are read and rewritten as version 2
 * at the next sign-in.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson, type Json } from '../../shared/canonical-json';
import { GatehouseError } from './errors';
import { kdfWithinBounds } from './kdf';

const base64 = (bytes: number) =>
  z
    .string()
    .refine((text) => Buffer.from(text, 'base64').length === bytes && /^[A-Za-z0-9+/]+=*$/.test(text));
const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

const wrappedSchema = z.object({ iv: base64(12), wrappedKey: z.string().min(1), tag: base64(16) });
export type WrappedSecret = z.infer<typeof wrappedSchema>;

const kdfSchema = z
  .object({
    name: z.literal('scrypt'),
    N: z.number(),
    r: z.number(),
    p: z.number(),
    salt: base64(16),
  })
  .refine(kdfWithinBounds);

const slotSchema = z.object({
  operatorId: z.string().uuid(),
  nameHash: hex64,
  kdf: kdfSchema,
  iv: base64(12),
  wrappedKey: base64(32),
  tag: base64(16),
  signingKey: wrappedSchema.optional(),
});
export type KeySlot = z.infer<typeof slotSchema>;

const legacySlotSchema = slotSchema
  .omit({ nameHash: true, signingKey: true })
  .extend({ name: z.string().min(1) });

export interface KeySlotFile {
  format: 'gatehouse-keyslots';
  version: 2;
  storeId: string;
  /** base64 of 32 random bytes. */
  nameKey: string;
  slots: KeySlot[];
  /** Slots that failed their check, kept as they were so nothing is lost; never opened. */
  damaged: { raw: unknown; nameHash: string | null }[];
  /** True when read from a version 1 file: rewrite it (without names) once signed in. */
  legacy: boolean;
}

export function normaliseName(name: string): string {
  return name.trim().normalize('NFC').toLocaleLowerCase('en-GB');
}

export function sameName(a: string, b: string): boolean {
  return normaliseName(a) === normaliseName(b);
}

export function nameHashFor(file: Pick<KeySlotFile, 'nameKey'>, name: string): string {
  return createHmac('sha256', Buffer.from(file.nameKey, 'base64'))
    .update(normaliseName(name), 'utf8')
    .digest('hex');
}

export function newNameKey(): string {
  return randomBytes(32).toString('base64');
}

export function slotCheck(storeId: string, slot: KeySlot): string {
  return createHash('sha256')
    .update(`gatehouse-keyslot-check:v2\n${storeId}\n`, 'utf8')
    .update(canonicalJson(slot as unknown as Json), 'utf8')
    .digest('hex');
}

export function damagedSlotMessage(source = 'keyslots.json'): string {
  return (
    `The key slot for this name in ${source} is damaged, so it cannot be opened with any passphrase. ` +
    'Your passphrase has not been counted as wrong. Restore the key slot file from the latest backup, ' +
    'or ask another administrator to add you again.'
  );
}

function notSlotFile(source: string, why: string): GatehouseError {
  return new GatehouseError(
    'STORE_UNREADABLE',
    `The key slot file ${source} ${why}. It has not been changed; restore it from the latest backup.`,
  );
}

const fileSchema = z.object({
  format: z.literal('gatehouse-keyslots'),
  version: z.union([z.literal(1), z.literal(2)]),
  storeId: z.string().uuid(),
  nameKey: base64(32).optional(),
  slots: z.array(z.unknown()),
});

export function parseKeySlots(text: string, source: string): KeySlotFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw notSlotFile(source, 'is not valid JSON');
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) throw notSlotFile(source, 'is not a Gatehouse key slot file');
  const { storeId, version } = parsed.data;
  if (version === 2 && !parsed.data.nameKey) throw notSlotFile(source, 'has lost its name key');
  const file: KeySlotFile = {
    format: 'gatehouse-keyslots',
    version: 2,
    storeId,
    nameKey: parsed.data.nameKey ?? newNameKey(),
    slots: [],
    damaged: [],
    legacy: version === 1,
  };
  for (const entry of parsed.data.slots) {
    if (version === 1) {
      const legacy = legacySlotSchema.safeParse(entry);
      if (legacy.success) {
        const { name, ...rest } = legacy.data;
        file.slots.push({ ...rest, nameHash: nameHashFor(file, name) });
      } else {
        const name = (entry as { name?: unknown } | null)?.name;
        file.damaged.push({
          raw: entry,
          nameHash: typeof name === 'string' ? nameHashFor(file, name) : null,
        });
      }
      continue;
    }
    const { check, ...rest } = (entry ?? {}) as { check?: unknown };
    const slot = slotSchema.strict().safeParse(rest);
    if (slot.success && check === slotCheck(storeId, slot.data)) file.slots.push(slot.data);
    else {
      const nameHash = (entry as { nameHash?: unknown } | null)?.nameHash;
      file.damaged.push({ raw: entry, nameHash: typeof nameHash === 'string' ? nameHash : null });
    }
  }
  return file;
}

export function serialiseKeySlots(file: KeySlotFile): string {
  return `${JSON.stringify(
    {
      format: file.format,
      version: 2,
      storeId: file.storeId,
      nameKey: file.nameKey,
      slots: [
        ...file.slots.map((slot) => ({ ...slot, check: slotCheck(file.storeId, slot) })),
        ...file.damaged.map((d) => d.raw),
      ],
    },
    null,
    2,
  )}\n`;
}

/** The slot for this name; a damaged one is refused with what to do, not as a wrong passphrase. */
export function findSlot(file: KeySlotFile, name: string, source?: string): KeySlot | undefined {
  const hash = nameHashFor(file, name);
  const slot = file.slots.find((s) => s.nameHash === hash);
  if (slot) return slot;
  if (file.damaged.some((d) => d.nameHash === hash)) {
    throw new GatehouseError('STORE_UNREADABLE', damagedSlotMessage(source));
  }
  return undefined;
}
