/**
 * The audit chain (REP-3): each event's hash is SHA-256 over the previous event's hash and the
 * event's canonical content, including its sequence number, so an edit, a deletion, an insertion
 * or a reordering all break the chain at the first event affected.
 */
import { createHash } from 'node:crypto';
import { canonicalJson, type Json } from '../../shared/canonical-json';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditContent {
  seq: number;
  at: string;
  operatorId: string | null;
  operatorName: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  subjectLabel: string | null;
  reason: string | null;
  instructedBy: string | null;
  before: Json | null;
  after: Json | null;
  /**
   * Where the event was made (issue 12 §5): present on events written since store step 24 (audit-where), absent
   * (not null) on older ones, so canonical JSON leaves them out and those events hash as before.
   */
  workstation?: string;
  host?: string;
}

export function hashEvent(prevHash: string, content: AuditContent): string {
  return createHash('sha256')
    .update(prevHash, 'utf8')
    .update('\n', 'utf8')
    .update(canonicalJson(content as unknown as Json), 'utf8')
    .digest('hex');
}

export interface StoredLink {
  content: AuditContent;
  prevHash: string;
  hash: string;
  /** The acting operator's Ed25519 signature over the hash (audit-signing.ts); null before signatures. */
  signature: string | null;
}

export interface ChainVerdict {
  valid: boolean;
  count: number;
  headHash: string | null;
  firstBad: { seq: number; problem: string } | null;
}

/** Walk the chain in storage order (by seq) and name the first event that does not fit. */
export function verifyChain(links: Iterable<StoredLink>): ChainVerdict {
  let expectedSeq = 1;
  let previousHash = GENESIS_HASH;
  let count = 0;
  for (const link of links) {
    count += 1;
    const { seq } = link.content;
    const bad = (problem: string): ChainVerdict => ({
      valid: false,
      count,
      headHash: null,
      firstBad: { seq, problem },
    });
    if (seq !== expectedSeq) {
      return bad(
        seq > expectedSeq
          ? `Event ${expectedSeq}${seq - expectedSeq > 1 ? `-${seq - 1}` : ''} is missing before event ${seq}: events were deleted.`
          : `Event ${seq} appears out of order: events were inserted or reordered.`,
      );
    }
    if (link.prevHash !== previousHash) {
      return bad(
        `Event ${seq} does not follow the event before it: an event was deleted, inserted or reordered here.`,
      );
    }
    if (hashEvent(link.prevHash, link.content) !== link.hash) {
      return bad(`Event ${seq} was changed after it was written: its content no longer matches its hash.`);
    }
    previousHash = link.hash;
    expectedSeq += 1;
  }
  return { valid: true, count, headHash: count === 0 ? null : previousHash, firstBad: null };
}
