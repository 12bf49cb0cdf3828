/**
 * Verifying the whole audit trail (issue 10 §1, REP-3): the hash chain, every event's signature
 * against its operator's public key *as recorded in the trail* (not the operators table, which an
 * insider who opens the database could edit), and the append-only triggers exactly as shipped.
 *
 * Where a signing key is recorded:
 * - `operator.added`, `after.signingKey`, for the subject: signed by the administrator who added them
 *   (the first administrator's own creation is signed by their own new key);
 * - `operator.signing-key-added`, `after.signingKey`, for an operator from before signatures, at their
 *   first sign-in after the upgrade: by that operator, signed with the key it records.
 * An operator's key is recorded once; a second record is itself a problem.
 */
import type { ChainStatus } from '../../shared/model';
import type { StoredLink } from './audit-chain';
import { verifyChain } from './audit-chain';
import { auditLinks } from './audit-log';
import { eventMessage, verifyMessage } from './audit-signing';
import { triggerProblems } from './audit-triggers';
import type { Db } from './database';

export const SIGNING_KEY_ACTIONS = ['operator.added', 'operator.signing-key-added'] as const;

function recordedKey(link: StoredLink): { operatorId: string; publicKey: string } | null {
  const { action, subjectId, after } = link.content;
  if (!(SIGNING_KEY_ACTIONS as readonly string[]).includes(action) || !subjectId) return null;
  const key = (after as { signingKey?: unknown } | null)?.signingKey;
  return typeof key === 'string' ? { operatorId: subjectId, publicKey: key } : null;
}

/** Signing keys as the trail records them, and problems with how they were recorded. */
export function trailSigningKeys(links: Iterable<StoredLink>): {
  keys: Map<string, string>;
  problems: { seq: number; problem: string }[];
} {
  const keys = new Map<string, string>();
  const problems: { seq: number; problem: string }[] = [];
  for (const link of links) {
    const recorded = recordedKey(link);
    if (!recorded) continue;
    const { seq, operatorId: actor, action, subjectLabel } = link.content;
    if (keys.has(recorded.operatorId)) {
      problems.push({
        seq,
        problem: `Event ${seq} records a second signing key for ${subjectLabel}: keys are recorded once.`,
      });
      continue;
    }
    if (action === 'operator.signing-key-added' && actor !== recorded.operatorId) {
      problems.push({
        seq,
        problem: `Event ${seq} records a signing key for ${subjectLabel} in someone else's name.`,
      });
      continue;
    }
    keys.set(recorded.operatorId, recorded.publicKey);
  }
  return { keys, problems };
}

export function signedFrom(db: Db): number {
  const columns = db
    .prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('audit_events')`)
    .all();
  // A database from before signatures (an old backup being checked): every event predates them.
  if (!columns.some((column) => column.name === 'signature')) return Number.MAX_SAFE_INTEGER;
  const row = db
    .prepare<[], { value: string }>(`SELECT value FROM meta WHERE key = 'audit_signed_from'`)
    .get();
  const from = Number(row?.value);
  // A missing or garbled boundary means every event must be signed: that fails safe.
  return Number.isInteger(from) && from >= 1 ? from : 1;
}

function signatureProblem(link: StoredLink, keys: Map<string, string>, from: number): string | null {
  const { seq, operatorId, operatorName } = link.content;
  if (link.signature === null) {
    return seq >= from ? `Event ${seq} in the name of ${operatorName ?? 'nobody'} is not signed.` : null;
  }
  const key = operatorId === null ? undefined : keys.get(operatorId);
  if (!key) {
    return `Event ${seq} is signed in the name of ${operatorName ?? 'nobody'}, whose signing key the audit trail does not record.`;
  }
  if (!verifyMessage(key, eventMessage(link.hash), link.signature)) {
    return `Event ${seq} in the name of ${operatorName ?? 'nobody'} does not carry their signature: it was written or changed without their passphrase.`;
  }
  return null;
}

export type AuditVerdict = ChainStatus;

export function verifyAuditTrail(db: Db): AuditVerdict {
  const chain = verifyChain(auditLinks(db));
  // Once one event is signed, every later one must be: an edited boundary in meta cannot let
  // unsigned events back in after signatures began.
  const boundary = signedFrom(db);
  const firstSigned =
    boundary === Number.MAX_SAFE_INTEGER
      ? null
      : db
          .prepare<[], { seq: number | null }>(
            'SELECT min(seq) AS seq FROM audit_events WHERE signature IS NOT NULL',
          )
          .get()?.seq;
  const from = Math.min(boundary, firstSigned ?? Number.MAX_SAFE_INTEGER);
  const { keys, problems: keyProblems } = trailSigningKeys(auditLinks(db));
  const eventProblems = [...keyProblems];
  for (const link of auditLinks(db)) {
    const problem = signatureProblem(link, keys, from);
    if (problem) eventProblems.push({ seq: link.content.seq, problem });
  }
  if (chain.firstBad) eventProblems.push(chain.firstBad);
  eventProblems.sort((a, b) => a.seq - b.seq);
  const triggers = triggerProblems(db);
  const problems = [...eventProblems.map((p) => p.problem), ...triggers];
  const notes =
    from > 1 && chain.count > 0
      ? [
          `Events 1–${Math.min(from - 1, chain.count)} predate signatures: they are checked by their hashes only.`,
        ]
      : [];
  return {
    valid: problems.length === 0,
    count: chain.count,
    headHash: problems.length === 0 ? chain.headHash : null,
    firstBad: eventProblems[0] ?? null,
    problems,
    notes,
  };
}
