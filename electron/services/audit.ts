/** The audit trail: filtered listing and chain verification (REP-3). */
import type { Handlers } from '../service-context';
import { listAuditEvents, verifyAuditChain } from '../store/audit-log';

export const auditHandlers: Pick<Handlers, 'audit:list' | 'audit:verify'> = {
  'audit:list': (ctx, input) => listAuditEvents(ctx.db(), input),
  'audit:verify': (ctx) => verifyAuditChain(ctx.db()),
};
