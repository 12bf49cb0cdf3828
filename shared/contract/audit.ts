import { z } from 'zod';
import { auditAnchorSchema, auditEventSchema, chainStatusSchema } from '../model';
import { defineChannel } from './define';

export const auditFilterSchema = z.strictObject({
  text: z.string().trim().max(200).optional(),
  action: z.string().trim().max(100).optional(),
  operatorId: z.string().uuid().optional(),
  from: z.string().date('Use a date like 2026-11-22.').optional(),
  to: z.string().date('Use a date like 2026-11-22.').optional(),
  beforeSeq: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(500).default(100),
});
export type AuditFilter = z.input<typeof auditFilterSchema>;

export const auditChannels = {
  'audit:list': defineChannel({
    summary: 'Audit events, newest first, filtered.',
    input: auditFilterSchema,
    output: z.object({ events: z.array(auditEventSchema), total: z.number().int() }),
    permission: 'audit:read',
    mutates: false,
  }),
  'audit:verify': defineChannel({
    summary:
      'Check the hash chain, every signature and the append-only triggers, and that the store still holds each anchored head given; name what does not fit.',
    input: z.strictObject({
      /** Anchors saved outside the store (checkpoint files, report side files, backups), each with where it came from. */
      anchors: z
        .array(z.strictObject({ source: z.string().max(1000), anchor: z.unknown() }))
        .max(1000)
        .optional(),
    }),
    output: chainStatusSchema,
    permission: 'audit:read',
    mutates: false,
  }),
  'audit:export': defineChannel({
    summary:
      'Every audit event with its hash, as JSON Lines for the host to write to a file; the export is audited.',
    input: z.strictObject({ fileName: z.string().min(1).max(1000) }),
    output: z.object({ content: z.string(), events: z.number().int(), valid: z.boolean() }),
    permission: 'audit:read',
    mutates: true,
  }),
  'audit:checkpoint': defineChannel({
    summary:
      'Record a checkpoint and return the audit head, signed by the operator, to keep outside the store.',
    input: z.strictObject({ label: z.string().trim().min(1).max(500) }),
    output: auditAnchorSchema,
    permission: 'audit:read',
    mutates: true,
  }),
};
