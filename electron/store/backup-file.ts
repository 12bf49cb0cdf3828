/**
 * The backup file: one file an administrator can move about, holding the encrypted database and
 * the key slots needed to open it. Layout: the magic line, a 4-byte big-endian header length, the
 * JSON header, the database bytes exactly as SQLCipher wrote them, and a SHA-256 of everything
 * before it. The checksum covers the header too, so a changed creation date, version or audit head
 * is refused like a changed database page. The header is an object that later fields can join
 * (unknown fields are kept, and covered by the same checksum).
 * Nothing in it is readable without a passphrase: the key slots hold no names (issue 10 §4).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import packageJson from '../../package.json';
import { GatehouseError } from './errors';
import { type KeySlotFile, parseKeySlots, serialiseKeySlots } from './key-slots';

const MAGIC = Buffer.from('GATEHOUSE-BACKUP\n', 'utf8');
const FORMAT_VERSION = 2;
const DIGEST_BYTES = 32;
export const GATEHOUSE_VERSION: string = packageJson.version;

const headerSchema = z
  .object({
    version: z.literal(FORMAT_VERSION),
    createdAt: z.string().datetime(),
    gatehouseVersion: z.string().min(1),
    storeId: z.string().uuid(),
    keySlots: z.unknown(),
    databaseBytes: z.number().int().positive(),
    audit: z.object({ events: z.number().int().nonnegative(), headHash: z.string().nullable() }),
    /** The signed audit head when the backup was made (issue 10 §1; format in audit-anchor.ts). */
    auditAnchor: z.unknown().optional(),
  })
  .passthrough();

export interface BackupContents {
  createdAt: string;
  gatehouseVersion: string;
  storeId: string;
  keySlots: KeySlotFile;
  audit: { events: number; headHash: string | null };
  /** The signed audit head, for `gatehouse audit verify --against BACKUP`. */
  auditAnchor?: unknown;
  database: Buffer;
  /** Further header fields (e.g. a signed audit anchor), kept as they are. */
  extra?: Record<string, unknown>;
}

function digest(bytes: Buffer): Buffer {
  return createHash('sha256').update(bytes).digest();
}

export function encodeBackup(contents: BackupContents): Buffer {
  const header = Buffer.from(
    JSON.stringify({
      ...contents.extra,
      version: FORMAT_VERSION,
      createdAt: contents.createdAt,
      gatehouseVersion: contents.gatehouseVersion,
      storeId: contents.storeId,
      keySlots: JSON.parse(serialiseKeySlots(contents.keySlots)) as unknown,
      databaseBytes: contents.database.length,
      audit: contents.audit,
      auditAnchor: contents.auditAnchor,
    }),
    'utf8',
  );
  const length = Buffer.alloc(4);
  length.writeUInt32BE(header.length);
  const body = Buffer.concat([MAGIC, length, header, contents.database]);
  return Buffer.concat([body, digest(body)]);
}

export function isBackup(bytes: Buffer): boolean {
  return bytes.subarray(0, MAGIC.length).equals(MAGIC);
}

export function decodeBackup(bytes: Buffer, source: string): BackupContents {
  const notBackup = () =>
    new GatehouseError(
      'STORE_UNREADABLE',
      `${source} is not a Gatehouse backup file (or was made by an older Gatehouse). Nothing was restored.`,
    );
  const damaged = () =>
    new GatehouseError(
      'STORE_UNREADABLE',
      `${source} is damaged or incomplete (it does not match its checksum). Nothing was restored; use another backup.`,
    );
  if (bytes.length < MAGIC.length + 4 + DIGEST_BYTES || !bytes.subarray(0, MAGIC.length).equals(MAGIC))
    throw notBackup();
  const body = bytes.subarray(0, bytes.length - DIGEST_BYTES);
  if (!digest(body).equals(bytes.subarray(bytes.length - DIGEST_BYTES))) throw damaged();
  const headerLength = body.readUInt32BE(MAGIC.length);
  const headerStart = MAGIC.length + 4;
  if (headerStart + headerLength > body.length) throw notBackup();
  let header: z.infer<typeof headerSchema>;
  try {
    header = headerSchema.parse(
      JSON.parse(body.subarray(headerStart, headerStart + headerLength).toString('utf8')),
    );
  } catch {
    throw notBackup();
  }
  const database = body.subarray(headerStart + headerLength);
  if (database.length !== header.databaseBytes) throw damaged();
  const keySlots = parseKeySlots(JSON.stringify(header.keySlots), source);
  if (keySlots.storeId !== header.storeId) throw notBackup();
  const known = new Set([
    'version',
    'createdAt',
    'gatehouseVersion',
    'storeId',
    'keySlots',
    'databaseBytes',
    'audit',
    'auditAnchor',
  ]);
  const extra = Object.fromEntries(Object.entries(header).filter(([field]) => !known.has(field)));
  const { createdAt, gatehouseVersion, storeId, audit, auditAnchor } = header;
  return {
    createdAt,
    gatehouseVersion,
    storeId,
    keySlots,
    audit,
    auditAnchor,
    database: Buffer.from(database),
    extra,
  };
}
