/**
 * The Trust register on every screen (issue 11 §2). Offline (joined, and the last attempt could not
 * reach it): a banner like the downtime one saying so, that work goes on here, how many changes wait
 * and that until this workstation reconnects they exist only on it, when it last reached the
 * register, Try again, and the Conflicts screen when changes wait for a decision. Online: one quiet
 * line with the last contact. Not a live region: the watcher reports every few seconds.
 */
import { useState } from 'react';
import type { SyncStatus } from '../../shared/contract/sync';
import { count } from '../../shared/plural';
import { api } from '../api/bridge';
import { formatDateTime } from '../screens/format';
import { useSyncStore } from '../state/sync-store';

function waiting(status: SyncStatus): string {
  if (status.queued === 0) return 'No change made here is waiting to be sent.';
  return `${count(status.queued, 'change')} made here ${status.queued === 1 ? 'is' : 'are'} waiting to be sent. Until this workstation reaches the register again ${status.queued === 1 ? 'it is' : 'they are'} only on this workstation: if it is lost or wiped now, ${status.queued === 1 ? 'it is' : 'they are'} lost with it.`;
}

function lastReached(status: SyncStatus): string {
  return status.lastContact
    ? `It last reached the register at ${formatDateTime(status.lastContact)}.`
    : 'It has not reached the register since it joined.';
}

export function ConflictsLink({ conflicts }: { conflicts: number }) {
  if (conflicts === 0) return null;
  return (
    <a href="#/conflicts">
      {count(conflicts, 'change')} {conflicts === 1 ? 'waits' : 'wait'} for a decision on the Conflicts screen
    </a>
  );
}

function OfflineBanner({ status }: { status: SyncStatus }) {
  const setStatus = useSyncStore((s) => s.setStatus);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<string | null>(null);
  async function tryAgain() {
    setBusy(true);
    setOutcome(null);
    const result = await api.sync.now({});
    setBusy(false);
    if (!result.ok) return setOutcome(result.error.message);
    setStatus(result.value);
    if (result.value.reachable === false) setOutcome('Still cannot reach the Trust register.');
    // Reached: the banner goes, so focus goes to the screen rather than to the page body.
    else document.getElementById('main')?.focus();
  }
  return (
    <div className="register-banner" role="region" aria-label="Trust register offline">
      <p>
        <strong>The Trust register cannot be reached.</strong> Work goes on here on this workstation.{' '}
        {waiting(status)} {lastReached(status)}
      </p>
      {status.problem ? <p className="register-banner__problem">{status.problem}</p> : null}
      <div className="register-banner__actions">
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
          disabled={busy}
          onClick={() => void tryAgain()}
        >
          Try again
        </button>
        <ConflictsLink conflicts={status.conflicts} />
      </div>
      {outcome ? <p role="status">{outcome}</p> : null}
    </div>
  );
}

/**
 * The integrity alarm (issue 11 §3): the register refused this workstation's chain, or the Trust
 * chain does not verify. Nothing syncs until an administrator has looked into it, so it stays on
 * every screen, in the design system's error style, until a sync goes through cleanly.
 */
function AlarmBanner({ alarm }: { alarm: string }) {
  return (
    <div className="nhsuk-error-summary register-alarm" role="region" aria-label="Trust register alarm">
      <h2 className="nhsuk-error-summary__title">This workstation is not syncing with the Trust register</h2>
      <div className="nhsuk-error-summary__body">
        <p>{alarm}</p>
        <p>
          Changes made here stay on this workstation until it is resolved. Do not restore another backup or
          delete this workstation’s data: it is the evidence.
        </p>
      </div>
    </div>
  );
}

export function TrustRegisterBanner() {
  const status = useSyncStore((s) => s.status);
  if (!status?.connected) return null;
  if (status.alarm) return <AlarmBanner alarm={status.alarm} />;
  if (status.reachable !== false) return null;
  return <OfflineBanner status={status} />;
}

/** The quiet line under the navigation while joined and reachable. */
export function TrustRegisterLine() {
  const status = useSyncStore((s) => s.status);
  if (!status?.connected || status.reachable === false) return null;
  return (
    <div className="register-line">
      <p>
        Joined to the Trust register
        {status.lastContact ? `; last contact ${formatDateTime(status.lastContact)}` : ''}.
      </p>
      {status.conflicts > 0 ? (
        <p>
          <ConflictsLink conflicts={status.conflicts} />
        </p>
      ) : null}
    </div>
  );
}
