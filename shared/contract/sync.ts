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
  /** That event's hash: the Trust chain's head as last pulled here (printed on reports, issue 11 §3). */
  headHash: z.string().nullable(),
  lastContact: z.string().nullable(),
  /** The Trust's offline grace period: beyond it, signing in here needs the register again. */
  offlineGraceHours: z.number().int().nullable(),
  /**
   * An integrity alarm: this workstation's chain no longer matches what the register holds for it,
   * or the Trust chain does not verify. Nothing syncs until it is resolved.
   */
  alarm: z.string().nullable(),
});
export type SyncStatus = z.output<typeof syncStatusSchema>;

export const recordRefSchema = z.object({ type: z.string(), id: z.string(), label: z.string() });
export type RecordRef = z.output<typeof recordRefSchema>;

/** What someone else did to a record, as the Trust chain names it. */
export const sinceEventSchema = z.object({
  at: z.string(),
  operatorName: z.string().nullable(),
  action: z.string(),
  label: z.string(),
});
export type SinceEvent = z.output<typeof sinceEventSchema>;

/** The choices a person has for a conflict (issue 11 §2); each is audited. */
export const CONFLICT_CHOICES = ['discard', 'apply', 'link'] as const;
export type ConflictChoice = (typeof CONFLICT_CHOICES)[number];

export const syncConflictSchema = z.object({
  id: z.number().int(),
  channel: z.string(),
  /** What the operator asked for, as the contract validated it. */
  input: z.unknown(),
  operatorId: z.string(),
  /** Who gave the command, as the register names them. */
  operatorName: z.string().nullable(),
  at: z.string(),
  /** Why the register did not take it. */
  problem: z.string().nullable(),
  /** My offline action in words ("Change details of Grace Hopper: team to Offline team"). */
  summary: z.string(),
  /** The record it concerns, where one can be named. */
  record: recordRefSchema.nullable(),
  /** What others did to that record since this workstation last saw it (from the Trust chain). */
  since: z.array(sinceEventSchema),
  /** For a duplicate registration: the record already on the register that mine duplicates. */
  existing: recordRefSchema.nullable(),
  /** What a person may do with it here: always discard; apply where the rules may now take it; link for a duplicate. */
  choices: z.array(z.enum(CONFLICT_CHOICES)),
});
export type SyncConflict = z.output<typeof syncConflictSchema>;

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
  'sync:apply': defineChannel({
    summary:
      'Apply my conflicting change anyway: run it again on the register as it now stands, through the same rules, with a reason (the override where a rule allows one, e.g. REG-10).',
    input: z.strictObject({ id: z.number().int(), reason: z.string().trim().min(1).max(1000) }),
    output: z.array(syncConflictSchema),
    permission: 'active',
    mutates: true,
  }),
  'sync:link': defineChannel({
    summary:
      'A duplicate registration: link my offline record to the one already on the register (my later changes follow it); audited with the reason.',
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
  'sync:setOfflineGrace': defineChannel({
    summary:
      'Set how long any workstation may stay offline before signing in there needs the Trust register again (a Trust setting).',
    input: z.strictObject({ hours: z.number().int().min(1).max(720) }),
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
