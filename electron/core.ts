/**
 * The core every host serves: a session, the services and the router over one data folder.
 * It knows nothing of Electron, HTTP or the terminal.
 */
import { type Clock, systemClock } from './clock';
import type { EventPayload } from '../shared/contract';
import { CoreEvents } from './core-events';
import { fileLogger } from './app-log';
import { createRouter, type Logger, type Router } from './router';
import { profileHandlers } from './services/access-profiles';
import { reviewHandlers } from './services/access-reviews';
import { reviewShareHandlers } from './services/review-share';
import { activityHandlers } from './services/activity-import';
import { auditHandlers } from './services/audit';
import { auditExportHandlers } from './services/audit-export';
import { catalogueHandlers } from './services/catalogue';
import { dashboardHandlers } from './services/dashboard';
import { demoHandlers } from './services/demo-data';
import { deregistrationHandlers } from './services/deregistration';
import { downtimeHandlers } from './services/downtime';
import { esrHandlers } from './services/esr-feed';
import { inactivityHandlers } from './services/inactivity';
import { leaverHandlers } from './services/leavers-import';
import { maintenanceHandlers } from './services/maintenance';
import { cardStillPresent, operatorCardHandlers } from './services/operator-card';
import { operatorHandlers } from './services/operators';
import { orphanHandlers } from './services/orphan-accounts';
import { peopleHandlers } from './services/people';
import { peopleImportHandlers } from './services/people-import';
import { proposalHandlers } from './services/profile-proposals';
import { reviewEmailHandlers } from './services/review-email';
import { reviewReportHandlers } from './services/reports/review-campaign-report';
import { reportHandlers } from './services/reports/reports';
import { requestHandlers } from './services/requests';
import { restoreHandlers } from './services/restore';
import { taskHandlers } from './services/tasks';
import { sessionHandlers } from './services/session';
import { readSettings, settingsHandlers } from './services/settings';
import { smartcardHandlers, type SmartcardSource } from './services/smartcard-check';
import { smartcardSettingsHandlers } from './services/smartcard-settings';
import { suspensionHandlers } from './services/suspensions';
import type { CoreDependencies, Handlers } from './service-context';
import { conflictHandlers } from './trust/conflicts-service';
import { syncHandlers } from './trust/sync-service';
import { verifyHandlers } from './trust/verify';
import { Session } from './session';
import { OWASP_SCRYPT, type ScryptParams } from './store/kdf';
import { storeExists } from './store/open-store';
import { type StorePaths, storePaths } from './store/paths';
import { SignInThrottle } from './store/sign-in-throttle';
import { recoverStore } from './store/store-switch';

export interface CoreOptions {
  dataDir: string;
  host: CoreDependencies['host'];
  clock?: Clock;
  /** Key derivation for new slots. Production always uses the OWASP default. */
  kdf?: ScryptParams;
  log?: Logger;
  /** Smartcard readers (the reader service), where the host has them. */
  smartcard?:
    | (SmartcardSource & {
        on(event: 'changed', listener: (state: EventPayload<'smartcard:changed'>) => void): unknown;
      })
    | null;
}

export interface Core extends Router {
  readonly events: CoreEvents;
  readonly session: Session;
  readonly paths: StorePaths;
  readonly deps: CoreDependencies;
  /** The application log (app-log.ts): for a host's own unexpected failures. */
  readonly log: Logger;
  /** Lock if the operator has been idle too long; hosts call this on a timer. */
  checkIdle(): void;
  /** Lock now, e.g. because the operator's smartcard was removed. */
  lock(reason: 'idle' | 'card-removed' | 'signed-out'): void;
  startIdleTimer(intervalMs?: number): () => void;
  close(): void;
}

const handlers: Handlers = {
  ...sessionHandlers,
  ...operatorHandlers,
  ...auditHandlers,
  ...settingsHandlers,
  ...catalogueHandlers,
  ...peopleHandlers,
  ...requestHandlers,
  ...taskHandlers,
  ...suspensionHandlers,
  ...deregistrationHandlers,
  ...downtimeHandlers,
  ...dashboardHandlers,
  ...leaverHandlers,
  ...activityHandlers,
  ...reportHandlers,
  ...esrHandlers,
  ...orphanHandlers,
  ...inactivityHandlers,
  ...smartcardHandlers,
  ...operatorCardHandlers,
  ...smartcardSettingsHandlers,
  ...auditExportHandlers,
  ...peopleImportHandlers,
  ...demoHandlers,
  ...maintenanceHandlers,
  ...restoreHandlers,
  ...profileHandlers,
  ...proposalHandlers,
  ...reviewHandlers,
  ...reviewShareHandlers,
  ...reviewEmailHandlers,
  ...reviewReportHandlers,
  ...syncHandlers,
  ...conflictHandlers,
  ...verifyHandlers,
};

function withoutIdentities(state: EventPayload<'smartcard:changed'>): EventPayload<'smartcard:changed'> {
  return {
    ...state,
    readers: state.readers.map((r) =>
      r.card ? { ...r, card: { ...r.card, identity: null, problem: null } } : r,
    ),
  };
}

export function createCore(options: CoreOptions): Core {
  const clock = options.clock ?? systemClock;
  const paths = storePaths(options.dataDir);
  // Finish a restore a kill interrupted, and remove killed processes' leftovers, before any reading.
  recoverStore(paths);
  const events = new CoreEvents();
  const session = new Session(clock, () => storeExists(paths));
  const deps: CoreDependencies = {
    clock,
    session,
    paths,
    kdf: options.kdf ?? OWASP_SCRYPT,
    throttle: new SignInThrottle(paths.signInAttempts, clock),
    host: options.host,
    emitSessionChanged: () => events.emit('session:changed', session.state()),
    emitDowntimeChanged: (down) => events.emit('downtime:changed', down),
    emitSyncChanged: (status) => events.emit('sync:changed', status),
    smartcard: options.smartcard ?? null,
  };
  options.smartcard?.on('changed', (state) => {
    // Before anyone has signed in, renderers hear only whether a card is there, not whose it is.
    events.emit('smartcard:changed', session.isActive ? state : withoutIdentities(state));
    // Lock on removal: the card an operator signed in with has left its reader (or PC/SC went away).
    const card = session.card;
    const store = session.store;
    if (card && store && !cardStillPresent(card, state) && readSettings(store.db).lockOnCardRemoval)
      lock('card-removed');
  });
  // The application log in the data folder (app-log.ts), for every host.
  const log = options.log ?? fileLogger(paths.dir, options.host);
  const router = createRouter(handlers, deps, log);
  deps.rerun = router.call;

  function lock(reason: 'idle' | 'card-removed' | 'signed-out'): void {
    if (!session.operator) return;
    session.end(reason);
    deps.emitSessionChanged();
  }

  return {
    call: router.call,
    events,
    session,
    paths,
    deps,
    log,
    checkIdle() {
      if (session.isIdle()) lock('idle');
    },
    lock,
    startIdleTimer(intervalMs = 15_000) {
      const timer = setInterval(() => {
        if (session.isIdle()) lock('idle');
      }, intervalMs);
      timer.unref();
      return () => clearInterval(timer);
    },
    close() {
      session.end('signed-out');
    },
  };
}
