/**
 * What a service handler gets: the clock, the session, the store (only once unlocked), and
 * `transact`, the one way to change data: it runs the change and its audit events in one SQLite
 * transaction, so they commit or roll back together.
 */
import { hostname } from 'node:os';
import type { z } from 'zod';
import type { HostKind } from '../shared/host-kinds';
import type { Envelope } from '../shared/errors';
import type { ChannelName, ChannelOutput, Contract, EventPayload } from '../shared/contract';
import type { Clock } from './clock';
import type { SmartcardSource } from './services/smartcard-check';
import type { Session, SessionOperator } from './session';
import { appendAuditEvent, type NewAuditEvent } from './store/audit-log';
import type { Db } from './store/database';
import { GatehouseError } from './store/errors';
import type { ScryptParams } from './store/kdf';
import type { StorePaths } from './store/paths';
import type { SignInThrottle } from './store/sign-in-throttle';
import { beginCommand, type Command, finishCommand } from './trust/outbox';
import { joinedWorkstationId } from './trust/trust-state';

export type AuditWriter = (event: NewAuditEvent) => void;

export interface CoreDependencies {
  clock: Clock;
  session: Session;
  paths: StorePaths;
  kdf: ScryptParams;
  throttle: SignInThrottle;
  /** The host that is calling: recorded with sign-ins and, as where it was made, on every audit event. */
  host: HostKind;
  emitSessionChanged(): void;
  emitDowntimeChanged(down: EventPayload<'downtime:changed'>): void;
  /** The host's smartcard readers, where it has them. */
  smartcard: SmartcardSource | null;
  /** The banner's data: how this workstation stands with the Trust register, after each sync. */
  emitSyncChanged?(status: EventPayload<'sync:changed'>): void;
  /** The router itself, for re-running a queued command on a fresh replica (Trust register sync). */
  rerun?: (channel: string, input: unknown) => Promise<Envelope<unknown>>;
}

export class ServiceContext {
  private audited = 0;

  constructor(
    readonly deps: CoreDependencies,
    /** The channel and validated input being served: queued for the Trust register when linked. */
    readonly command: Command | null = null,
  ) {}

  get clock(): Clock {
    return this.deps.clock;
  }

  get session(): Session {
    return this.deps.session;
  }

  get auditedEvents(): number {
    return this.audited;
  }

  db(): Db {
    const store = this.deps.session.store;
    if (!store) throw new GatehouseError('NOT_SIGNED_IN', 'Sign in first.');
    return store.db;
  }

  actor(): SessionOperator {
    const operator = this.deps.session.operator;
    if (!operator) throw new GatehouseError('NOT_SIGNED_IN', 'Sign in first.');
    return operator;
  }

  /** A scoped operator acts only on their own systems; the rest they see read-only. */
  requireSystemScope(systemId: string): void {
    const systems = this.actor().systems;
    if (systems === null || systems.includes(systemId)) return;
    const name =
      (
        this.db().prepare('SELECT name FROM systems WHERE id = ?').get(systemId) as
          { name: string } | undefined
      )?.name ?? systemId;
    throw new GatehouseError(
      'FORBIDDEN',
      `You administer ${systems.length === 1 ? 'one system' : `${systems.length} systems`} and ${name} is not among them: you can see it but not change it. Ask its administrator.`,
    );
  }

  /** Trust-wide changes (operators, settings, bank holidays) are for administrators of every system. */
  requireUnscoped(): void {
    if (this.actor().systems !== null) {
      throw new GatehouseError(
        'FORBIDDEN',
        'Only an administrator of every system can change this; yours is limited to some systems.',
      );
    }
  }

  transact<T>(work: (audit: AuditWriter) => T): T {
    return this.transactOn(this.db(), this.actor(), this.deps.session.store!.signingKey, work);
  }

  /**
   * The same, on a database that is not the session's: a restore records itself in the staged
   * store, in the name of the backup's operator and signed with their key, before it goes live.
   */
  transactOn<T>(
    db: Db,
    actor: { id: string; name: string },
    signingKey: Buffer,
    work: (audit: AuditWriter) => T,
  ): T {
    const at = this.clock.now();
    // Where (issue 12 §5): the Trust's name for this workstation once joined, else its host name.
    const where = { workstation: joinedWorkstationId(db) ?? hostname(), host: this.deps.host };
    let writes = 0;
    const result = db.transaction(() => {
      // Services called around the router (imports, the demo Trust) change the register too.
      const outboxId = beginCommand(db, this.command ?? { channel: 'direct', input: null }, actor.id, at);
      let firstSeq: number | null = null;
      let lastSeq: number | null = null;
      const value = work((event) => {
        const written = appendAuditEvent(db, actor, at, event, signingKey, where);
        firstSeq ??= written.seq;
        lastSeq = written.seq;
        writes += 1;
      });
      // A change without its audit event must never commit (REP-3): throwing rolls it back.
      if (writes === 0) throw new Error('A change was attempted without an audit event');
      if (outboxId !== null) finishCommand(db, outboxId, firstSeq, lastSeq);
      return value;
    })();
    this.audited += writes;
    return result;
  }
}

/** What a channel's handler receives: its input after the contract's validation and defaults. */
export type HandlerInput<C extends ChannelName> = z.output<Contract[C]['input']>;

export type Handler<C extends ChannelName> = (
  ctx: ServiceContext,
  input: HandlerInput<C>,
) => Promise<ChannelOutput<C>> | ChannelOutput<C>;

export type Handlers = { [C in ChannelName]: Handler<C> };
