/** The audit trail: filtered listing, verification, and anchors kept outside the store (REP-3). */
import type { AuditAnchor } from '../../shared/model';
import type { Handlers, ServiceContext } from '../service-context';
import { anchorProblem, makeAnchor } from '../store/audit-anchor';
import { listAuditEvents } from '../store/audit-log';
import { verifyAuditTrail } from '../store/audit-verify';
import { GatehouseError } from '../store/errors';

/** The head of the trail as it stands, signed by the signed-in operator (for reports and backups). */
export function anchorNow(ctx: ServiceContext): AuditAnchor {
  const store = ctx.session.store;
  if (!store) throw new GatehouseError('NOT_SIGNED_IN', 'Sign in first.');
  const operator = ctx.actor();
  return makeAnchor(
    store.db,
    {
      storeId: store.storeId,
      signingKey: store.signingKey,
      operatorId: operator.id,
    },
    ctx.clock.now(),
  );
}

export const auditHandlers: Pick<Handlers, 'audit:list' | 'audit:verify' | 'audit:checkpoint'> = {
  'audit:list': (ctx, input) => listAuditEvents(ctx.db(), input),
  'audit:verify': (ctx, input) => {
    const verdict = verifyAuditTrail(ctx.db());
    const storeId = ctx.session.store!.storeId;
    const anchorProblems = (input.anchors ?? []).flatMap(({ source, anchor }) => {
      const problem = anchorProblem(ctx.db(), storeId, anchor, source);
      return problem ? [problem] : [];
    });
    if (anchorProblems.length === 0) return verdict;
    return { ...verdict, valid: false, headHash: null, problems: [...verdict.problems, ...anchorProblems] };
  },
  'audit:checkpoint': (ctx, input) => {
    // The checkpoint is itself on the record, and the anchor covers it.
    ctx.transact((audit) =>
      audit({ action: 'audit.checkpoint', subject: { type: 'file', id: input.label, label: input.label } }),
    );
    return anchorNow(ctx);
  },
};
