/**
 * The Trust register on every screen (issue 11 §2): main's `sync:changed` reports drive an offline
 * banner (what waits, that it is only here until reconnect, last contact, Try again, Conflicts) and,
 * online, a quiet line; the Conflicts screen is in the navigation only on a joined workstation.
 */
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../shared/contract/sync';
import { permissionsOf } from '../../shared/permissions';
import { App } from '../../renderer/app';
import { useSessionStore } from '../../renderer/state/session-store';
import { useSyncStore } from '../../renderer/state/sync-store';
import { fakeMain } from './setup';
import { JOINED_STATUS } from './sync-status-fixture';

const JOINED: SyncStatus = JOINED_STATUS;
const OFFLINE: SyncStatus = {
  ...JOINED,
  reachable: false,
  problem: 'The Trust register cannot be reached (connect ECONNREFUSED 10.0.0.5:5432).',
  queued: 3,
  conflicts: 1,
};

async function signedIn(status: SyncStatus) {
  useSessionStore.setState({ session: null, unreachable: null });
  useSyncStore.setState({ status: null });
  fakeMain.answer('session:status', {
    state: 'active',
    operator: {
      id: '5d7b1f3e-8a6c-4b8e-9d0a-2f1e3c4b5a69',
      name: 'Ada Administrator',
      role: 'administrator',
      permissions: [...permissionsOf('administrator')],
      systems: null,
    },
    idleLockMinutes: 10,
  });
  fakeMain.answer('sync:status', status);
  render(<App />);
  await screen.findByRole('navigation', { name: 'Main' });
}

const nav = () => screen.getByRole('navigation', { name: 'Main' });

describe('the Trust register on every screen', () => {
  it('a workstation on its own shows no banner and no Conflicts screen', async () => {
    await signedIn({ ...JOINED, connected: false, server: null, workstationId: null, lastContact: null });
    await screen.findByRole('heading', { level: 1, name: 'Home' });
    expect(screen.queryByRole('region', { name: 'Trust register offline' })).toBeNull();
    expect(within(nav()).queryByRole('link', { name: 'Conflicts' })).toBeNull();
    expect(screen.queryByText(/Joined to the Trust register/)).toBeNull();
  });

  it('offline: says so with what waits, only here until reconnect; online again: the quiet line', async () => {
    await signedIn(JOINED);
    await within(nav()).findByRole('link', { name: 'Conflicts' });
    expect(nav().textContent).toContain('Joined to the Trust register; last contact 23 Nov 2026, 09:05.');

    act(() => fakeMain.emit('sync:changed', OFFLINE));
    const banner = screen.getByRole('region', { name: 'Trust register offline' });
    expect(banner.textContent).toContain('The Trust register cannot be reached. Work goes on here');
    expect(banner.textContent).toContain(
      '3 changes made here are waiting to be sent. Until this workstation reaches the register again they are only on this workstation: if it is lost or wiped now, they are lost with it.',
    );
    expect(banner.textContent).toContain('It last reached the register at 23 Nov 2026, 09:05.');
    expect(banner.textContent).toContain('connect ECONNREFUSED 10.0.0.5:5432');
    expect(
      within(banner).getByRole('link', { name: '1 change waits for a decision on the Conflicts screen' }),
    ).toHaveProperty('hash', '#/conflicts');
    expect(nav().textContent).not.toContain('Joined to the Trust register');

    // Try again asks main to sync now; the answer replaces the banner at once.
    fakeMain.answer('sync:now', { ...OFFLINE, reachable: true, problem: null, queued: 0 });
    await userEvent.setup().click(within(banner).getByRole('button', { name: 'Try again' }));
    expect(fakeMain.calls.map((c) => c.channel)).toContain('sync:now');
    expect(screen.queryByRole('region', { name: 'Trust register offline' })).toBeNull();
    expect(within(nav()).getByRole('link', { name: /1 change waits for a decision/ })).toBeTruthy();
  });

  it('Try again that still cannot reach it keeps the banner and says so', async () => {
    await signedIn(OFFLINE);
    const banner = await screen.findByRole('region', { name: 'Trust register offline' });
    fakeMain.answer('sync:now', OFFLINE);
    await userEvent.setup().click(within(banner).getByRole('button', { name: 'Try again' }));
    expect(within(banner).getByRole('status').textContent).toBe('Still cannot reach the Trust register.');
  });

  it('an integrity alarm is on every screen, in the error style, in place of the offline banner (issue 11 §3)', async () => {
    await signedIn({
      ...OFFLINE,
      reachable: true,
      alarm:
        'This workstation’s audit chain no longer matches what the Trust register holds for it (event 41).',
    });
    const alarm = await screen.findByRole('region', { name: 'Trust register alarm' });
    expect(within(alarm).getByRole('heading').textContent).toBe(
      'This workstation is not syncing with the Trust register',
    );
    expect(alarm.textContent).toContain('no longer matches what the Trust register holds for it (event 41)');
    expect(alarm.textContent).toContain('it is the evidence');
    expect(screen.queryByRole('region', { name: 'Trust register offline' })).toBeNull();
    act(() => fakeMain.emit('sync:changed', JOINED));
    expect(screen.queryByRole('region', { name: 'Trust register alarm' })).toBeNull();
  });
});
