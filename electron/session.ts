/**
 * Who is signed in, and the store they unlocked. One session per core: Gatehouse is a workstation
 * application used by one operator at a time. Locking (sign-out, idle, card removal) closes the
 * store, which zeroes the data key, so nothing readable stays in memory.
 */
import type { SessionState, SignedOutReason } from '../shared/model';
import { IDLE_LOCK_MINUTES } from '../shared/model';
import { type Permission, permissionsOf, type Role, roleHas } from '../shared/permissions';
import {
  ACCEPTABLE_USE_PARAGRAPHS,
  ACCEPTABLE_USE_TITLE,
  ACCEPTABLE_USE_VERSION,
} from '../shared/policy/acceptable-use';
import type { Clock } from './clock';
import type { OpenStore } from './store/open-store';

export interface SessionOperator {
  id: string;
  name: string;
  role: Role;
  /** The systems this operator administers; null means every system. */
  systems: string[] | null;
}

interface Unlocked {
  store: OpenStore;
  operator: SessionOperator;
  acknowledged: boolean;
  lastActivity: number;
  idleLockMinutes: number;
  /** The operator's smartcard and the reader it is in, for operators who sign in with a card. */
  card: { reader: string; uuid: string } | null;
}

export class Session {
  private unlocked: Unlocked | null = null;
  private signedOutReason: SignedOutReason = 'start';

  constructor(
    private readonly clock: Clock,
    private readonly storeExists: () => boolean,
  ) {}

  begin(
    store: OpenStore,
    operator: SessionOperator,
    idleLockMinutes: number,
    card: { reader: string; uuid: string } | null = null,
  ): void {
    this.unlocked?.store.close();
    this.unlocked = {
      store,
      operator,
      acknowledged: false,
      lastActivity: this.clock.now().getTime(),
      idleLockMinutes,
      card,
    };
  }

  acknowledge(): void {
    if (this.unlocked) this.unlocked.acknowledged = true;
  }

  /** Close the store and drop the key. */
  end(reason: SignedOutReason): void {
    this.unlocked?.store.close();
    this.unlocked = null;
    this.signedOutReason = reason;
  }

  get card(): { reader: string; uuid: string } | null {
    return this.unlocked?.card ?? null;
  }

  get store(): OpenStore | null {
    return this.unlocked?.store ?? null;
  }

  get operator(): SessionOperator | null {
    return this.unlocked?.operator ?? null;
  }

  get isActive(): boolean {
    return this.unlocked?.acknowledged === true;
  }

  can(permission: Permission): boolean {
    return this.isActive && this.unlocked !== null && roleHas(this.unlocked.operator.role, permission);
  }

  setIdleLockMinutes(minutes: number): void {
    if (this.unlocked) this.unlocked.idleLockMinutes = minutes;
  }

  touch(): Date {
    if (this.unlocked) this.unlocked.lastActivity = this.clock.now().getTime();
    return this.idleLockAt();
  }

  idleLockAt(): Date {
    const minutes = this.unlocked?.idleLockMinutes ?? IDLE_LOCK_MINUTES.default;
    return new Date((this.unlocked?.lastActivity ?? this.clock.now().getTime()) + minutes * 60_000);
  }

  /** True when the session has been idle past its limit (and should be locked). */
  isIdle(): boolean {
    return this.unlocked !== null && this.clock.now().getTime() >= this.idleLockAt().getTime();
  }

  state(): SessionState {
    const unlocked = this.unlocked;
    if (!unlocked) {
      return this.storeExists()
        ? { state: 'signed-out', reason: this.signedOutReason }
        : { state: 'first-run' };
    }
    const operator = { ...unlocked.operator, permissions: [...permissionsOf(unlocked.operator.role)] };
    if (!unlocked.acknowledged) {
      return {
        state: 'acknowledging',
        operator,
        acceptableUse: {
          version: ACCEPTABLE_USE_VERSION,
          title: ACCEPTABLE_USE_TITLE,
          paragraphs: [...ACCEPTABLE_USE_PARAGRAPHS],
        },
      };
    }
    return { state: 'active', operator, idleLockMinutes: unlocked.idleLockMinutes };
  }
}
