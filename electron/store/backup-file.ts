/**
 * The backup file: one file an administrator can move about, holding the encrypted database and
 * the key slots needed to open it. Layout: the magic line, a 4-byte big-endian header length, the
 * JSON header (format version, store id, key slots, the database's SHA-256 and size, the signed audit
 * head), then the database bytes exactly as SQLCipher wrote them. Nothing in it is readable without a
 * passphrase: the key slots hold no names (issue 10 §4).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { GatehouseError } from './errors';
import { type KeySlotFile, parseKeySlots, serialiseKeySlots } from './key-slots';

const MAGIC = Buffer.from('GATEHOUSE-BACKUP\n', 'utf8');

const headerSchema = z.object({
  version: z.literal(1),
  createdAt: z.string(),
  storeId: z.string().uuid(),
  keySlots: z.unknown(),
  databaseSha256: z.string().regex(/^[0-9a-f]{64}$/),
  databaseBytes: z.number().int().positive(),
  /** The signed audit head when the backup was made (issue 10 §1; format in audit-anchor.ts). */
  auditAnchor: z.unknown().optional(),
});

export interface BackupContents {
  createdAt: string;
  storeId: string;
  keySlots: KeySlotFile;
  database: Buffer;
  auditAnchor?: unknown;
}

export function encodeBackup(contents: BackupContents): Buffer {
  const header = Buffer.from(
    JSON.stringify({
      version: 1,
      createdAt: contents.createdAt,
      storeId: contents.storeId,
      keySlots: JSON.parse(serialiseKeySlots(contents.keySlots)) as unknown,
      databaseSha256: createHash('sha256').update(contents.database).digest('hex'),
      databaseBytes: contents.database.length,
      auditAnchor: contents.auditAnchor,
    }),
    'utf8',
  );
  const length = Buffer.alloc(4);
  length.writeUInt32BE(header.length);
  return Buffer.concat([MAGIC, length, header, contents.database]);
}

export function isBackup(bytes: Buffer): boolean {
  return bytes.subarray(0, MAGIC.length).equals(MAGIC);
}

export function decodeBackup(bytes: Buffer, source: string): BackupContents {
  const notBackup = () =>
    new GatehouseError('STORE_UNREADABLE', `${source} is not a Gatehouse backup file. Nothing was restored.`);
  if (bytes.length < MAGIC.length + 4 || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) throw notBackup();
  const headerLength = bytes.readUInt32BE(MAGIC.length);
  const headerStart = MAGIC.length + 4;
  if (headerStart + headerLength > bytes.length) throw notBackup();
  let header: z.infer<typeof headerSchema>;
  try {
    header = headerSchema.parse(
      JSON.parse(bytes.subarray(headerStart, headerStart + headerLength).toString('utf8')),
    );
  } catch {
    throw notBackup();
  }
  const database = bytes.subarray(headerStart + headerLength);
  const digest = createHash('sha256').update(database).digest('hex');
  if (database.length !== header.databaseBytes || digest !== header.databaseSha256) {
    throw new GatehouseError(
      'STORE_UNREADABLE',
      `${source} is damaged or incomplete (its database does not match its checksum). Nothing was restored; use another backup.`,
    );
  }
  const keySlots = parseKeySlots(JSON.stringify(header.keySlots), source);
  if (keySlots.storeId !== header.storeId) throw notBackup();
  return {
    createdAt: header.createdAt,
    storeId: header.storeId,
    keySlots,
    database: Buffer.from(database),
    auditAnchor: header.auditAnchor,
  };
}
