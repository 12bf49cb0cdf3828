/**
 * The Trust chain as the server computes it (electron/trust/server/migrations/0002-trust-chain.ts):
 * SHA-256 over the previous hash, a newline, and each hashed field as "length:value" (UTF-8 bytes)
 * or "~" for null, then each field of HASHED_IF_PRESENT (0007-audit-signatures.ts) only when it is
 * not null, then each of HASHED_IF_PRESENT_TAGGED (0008-audit-where.ts) only when not null, as
 * "name=length:value". Recomputed here so a workstation checks the chain rather than trusting the server.
 */
import { createHash } from 'node:crypto';
import { HASHED_FIELDS } from './server/migrations/0002-trust-chain';
import { HASHED_IF_PRESENT } from './server/migrations/0007-audit-signatures';
import { HASHED_IF_PRESENT_TAGGED } from './server/migrations/0008-audit-where';

export type TrustEventRow = Record<(typeof HASHED_FIELDS)[number], string | number | null> &
  Partial<
    Record<(typeof HASHED_IF_PRESENT)[number] | (typeof HASHED_IF_PRESENT_TAGGED)[number], string | null>
  > & {
    prev_hash: string;
    hash: string;
  };

export function trustEventHash(row: TrustEventRow): string {
  const hash = createHash('sha256').update(row.prev_hash, 'utf8').update('\n', 'utf8');
  for (const field of HASHED_FIELDS) {
    const value = row[field];
    if (value === null) hash.update('~', 'utf8');
    else {
      const text = String(value);
      hash.update(`${Buffer.byteLength(text, 'utf8')}:${text}`, 'utf8');
    }
  }
  for (const field of HASHED_IF_PRESENT) {
    const value = row[field];
    if (value !== null && value !== undefined) {
      hash.update(`${Buffer.byteLength(value, 'utf8')}:${value}`, 'utf8');
    }
  }
  for (const field of HASHED_IF_PRESENT_TAGGED) {
    const value = row[field];
    if (value !== null && value !== undefined) {
      hash.update(`${field}=${Buffer.byteLength(value, 'utf8')}:${value}`, 'utf8');
    }
  }
  return hash.digest('hex');
}

export interface TrustChainVerdict {
  valid: boolean;
  count: number;
  head: { seq: number; hash: string } | null;
  problem: string | null;
}

/** Walk events in seq order from the start of the chain, naming the first that does not fit. */
export function verifyTrustChain(rows: Iterable<TrustEventRow>): TrustChainVerdict {
  let previous = '0'.repeat(64);
  let expected = 1;
  let count = 0;
  for (const row of rows) {
    count += 1;
    const seq = Number(row.seq);
    const bad = (problem: string): TrustChainVerdict => ({ valid: false, count, head: null, problem });
    if (seq !== expected) return bad(`Trust event ${expected} is missing or out of order (found ${seq}).`);
    if (row.prev_hash !== previous) return bad(`Trust event ${seq} does not follow the event before it.`);
    if (trustEventHash(row) !== row.hash) return bad(`Trust event ${seq} no longer matches its hash.`);
    previous = row.hash;
    expected += 1;
  }
  return { valid: true, count, head: count === 0 ? null : { seq: count, hash: previous }, problem: null };
}
