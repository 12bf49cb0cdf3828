/** The audit trail: filtered listing and chain verification (REP-3). */
import type { Handlers } from '../service-context';
import { listAuditEvents } from '../store/audit-log';
import { verifyAuditTrail } from '../store/audit-verify';

export const auditHandlers: Pick<Handlers, 'audit:list' | 'audit:verify'> = {
  'audit:list': (ctx, input) => listAuditEvents(ctx.db(), input),
  'audit:verify': (ctx) => verifyAuditTrail(ctx.db()),
};
