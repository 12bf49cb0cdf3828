/**
 * Anchors: the audit trail's head, signed, kept outside the store (issue 10 §1). A checkpoint file,
 * every exported report and every backup carry one; `gatehouse audit verify --against FILE…` then
 * proves the store still holds each anchored head, so deleting or rewriting any event at or before a
 * saved head is detected. (Deleting events made after the newest anchor is not: the shared Trust
 * register, which receives each event as it is made, closes that.)
 *
 * Format (JSON, version 1):
 *   { format: 'gatehouse-audit-anchor', version: 1, storeId, seq, hash, at, operatorId, signature }
 * It names the operator by id only, so a backup's header (which carries one) shows no names.
 * `signature` is Ed25519 by the operator who made the anchor, base64, over the UTF-8 text
 * `gatehouse-audit-anchor:v1\n` + canonical JSON of every other member; it is checked against the
 * operator's key as the trail records it. An empty trail anchors seq 0 and the genesis hash.
 */
import { canonicalJson, type Json } from '../../shared/canonical-json';
import { type AuditAnchor, auditAnchorSchema } from '../../shared/model';
import { GENESIS_HASH } from './audit-chain';
import { signMessage, verifyMessage } from './audit-signing';
import { auditLinks } from './audit-log';
import { trailSigningKeys } from './audit-verify';
import type { Db } from './database';

export const anchorSchema = auditAnchorSchema;
export type { AuditAnchor };

function anchorMessage(anchor: Omit<AuditAnchor, 'signature'>): Buffer {
  return Buffer.from(`gatehouse-audit-anchor:v1\n${canonicalJson(anchor as unknown as Json)}`, 'utf8');
}

export function headOf(db: Db): { seq: number; hash: string } {
  const head = db
    .prepare<[], { seq: number; hash: string }>(
      'SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1',
    )
    .get();
  return head ?? { seq: 0, hash: GENESIS_HASH };
}

export function makeAnchor(
  db: Db,
  signer: { storeId: string; signingKey: Buffer; operatorId: string },
  at: Date,
): AuditAnchor {
  const unsigned = {
    format: 'gatehouse-audit-anchor' as const,
    version: 1 as const,
    storeId: signer.storeId,
    ...headOf(db),
    at: at.toISOString(),
    operatorId: signer.operatorId,
  };
  return { ...unsigned, signature: signMessage(signer.signingKey, anchorMessage(unsigned)) };
}

/** One line for a report footer: enough to compare by eye with `gatehouse audit verify`. */
export function anchorLine(anchor: AuditAnchor): string {
  return `Audit head at export: event ${anchor.seq}, hash ${anchor.hash}`;
}

/** Why the store does not hold this anchored head, or null when it does. */
export function anchorProblem(db: Db, storeId: string, raw: unknown, source: string): string | null {
  const parsed = anchorSchema.safeParse(raw);
  if (!parsed.success) return `${source} is not a Gatehouse audit anchor.`;
  const { signature, ...anchor } = parsed.data;
  if (anchor.storeId !== storeId) return `${source} anchors a different Gatehouse store (${anchor.storeId}).`;
  const key = trailSigningKeys(auditLinks(db)).keys.get(anchor.operatorId);
  if (!key || !verifyMessage(key, anchorMessage(anchor), signature)) {
    const name =
      db.prepare<[string], { name: string }>('SELECT name FROM operators WHERE id = ?').get(anchor.operatorId)
        ?.name ?? `operator ${anchor.operatorId}`;
    return `${source} does not carry the signature of ${name} as the audit trail records their key: the anchor or the trail has been forged.`;
  }
  if (anchor.seq === 0) return null;
  const event = db
    .prepare<[number], { hash: string }>('SELECT hash FROM audit_events WHERE seq = ?')
    .get(anchor.seq);
  if (!event) {
    const { seq } = headOf(db);
    return `${source} anchors event ${anchor.seq}, but the store now ends at event ${seq}: events ${seq + 1}–${anchor.seq} were deleted.`;
  }
  if (event.hash !== anchor.hash) {
    return `${source} anchors event ${anchor.seq} with hash ${anchor.hash}, but the store's event ${anchor.seq} has hash ${event.hash}: events at or before it were deleted or rewritten.`;
  }
  return null;
}
