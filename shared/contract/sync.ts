/**
 * The Trust register link (issue 11): connect this workstation's store to the Trust's PostgreSQL,
 * sync with it, and say how things stand (connected, waiting changes, conflicts, last contact).
 */
import { z } from 'zod';
import { defineChannel } from './define';

export const syncStatusSchema = z.object({
  /** Joined to a Trust register (settings saved in the store). */
  connected: z.boolean(),
  /** The register's address, without any password. */
  server: z.string().nullable(),
  /** Whether the last attempt reached it; null before any attempt in this session. */
  reachable: z.boolean().nullable(),
  /** Why it could not be reached, as a sentence. */
  problem: z.string().nullable(),
  workstationId: z.string().nullable(),
  /** Changes made here that the register has not yet taken. */
  queued: z.number().int(),
  /** Changes waiting for a person to decide (the Conflicts list). */
  conflicts: z.number().int(),
  /** The last Trust event this replica holds. */
  cursor: z.number().int(),
  lastContact: z.string().nullable(),
});
export type SyncStatus = z.output<typeof syncStatusSchema>;

export const syncConflictSchema = z.object({
  id: z.number().int(),
  channel: z.string(),
  /** What the operator asked for, as the contract validated it. */
  input: z.unknown(),
  operatorId: z.string(),
  at: z.string(),
  /** Why the register did not take it. */
  problem: z.string().nullable(),
});

export const trustVerdictSchema = z.object({
  trustChain: z.object({
    valid: z.boolean(),
    events: z.number().int(),
    head: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
    problem: z.string().nullable(),
  }),
  /** This workstation's chain against its anchors in the Trust chain: each event once, same hash. */
  workstation: z.object({
    localEvents: z.number().int(),
    anchored: z.number().int(),
    /** Local events not yet carried up (they go with the next sync). */
    pending: z.number().int(),
    problem: z.string().nullable(),
  }),
});

export const syncChannels = {
  'sync:verify': defineChannel({
    summary:
      'Verify the Trust chain, and that every event of this workstation is anchored in it exactly once.',
    input: z.strictObject({}),
    output: trustVerdictSchema,
    permission: 'audit:read',
    mutates: false,
  }),
  'sync:conflicts': defineChannel({
    summary:
      'Changes made here that the register refused or that met a colleague’s change: each waits for a person.',
    input: z.strictObject({}),
    output: z.array(syncConflictSchema),
    permission: 'active',
    mutates: false,
  }),
  'sync:discard': defineChannel({
    summary: 'Discard my change that conflicted (the register keeps what it has); audited with the reason.',
    input: z.strictObject({ id: z.number().int(), reason: z.string().trim().min(1).max(1000) }),
    output: z.array(syncConflictSchema),
    permission: 'active',
    mutates: true,
  }),
  'sync:status': defineChannel({
    summary: 'How this workstation stands with the Trust register, without contacting it.',
    input: z.strictObject({}),
    output: syncStatusSchema,
    permission: 'active',
    mutates: false,
  }),
  'sync:connect': defineChannel({
    summary:
      'Join this store to the Trust register: set it up from this store if it is empty, else bring the whole register down.',
    input: z.strictObject({
      url: z.string().min(1).max(1000),
      ca: z.string().max(100_000).nullable(),
      /** The operator's PostgreSQL login; by default the user named in the address. */
      login: z.string().min(1).max(63).nullable().default(null),
      /** The operator's passphrase again: it is also their PostgreSQL password. */
      passphrase: z.string().min(1).max(1024),
    }),
    output: syncStatusSchema,
    permission: 'settings:manage',
    mutates: true,
  }),
  'sync:now': defineChannel({
    summary: 'Push and pull once now, and say how things stand.',
    input: z.strictObject({}),
    output: syncStatusSchema,
    permission: 'active',
    mutates: false,
  }),
};
