/**
 * The audit trail as JSON Lines, every event with its hash, for a host to write to a file. Carrying
 * the whole trail off the store is itself audited (REP-3), with whether the chain was intact.
 */
import { basename } from 'node:path';
import type { Handlers } from '../service-context';
import { allAuditEvents, verifyAuditChain } from '../store/audit-log';

export const auditExportHandlers: Pick<Handlers, 'audit:export'> = {
  'audit:export': (ctx, input) => {
    const db = ctx.db();
    const chain = verifyAuditChain(db);
    const lines: string[] = [];
    for (const event of allAuditEvents(db)) lines.push(JSON.stringify(event));
    ctx.transact((audit) =>
      audit({
        action: 'audit.exported',
        subject: { type: 'file', id: basename(input.fileName), label: input.fileName },
        after: { events: lines.length, chainValid: chain.valid },
      }),
    );
    return {
      content: lines.length > 0 ? `${lines.join('\n')}\n` : '',
      events: lines.length,
      valid: chain.valid,
    };
  },
};
