import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Dashboard } from '../../shared/contract/dashboard';
import { permissionsOf } from '../../shared/permissions';
import { App } from '../../renderer/app';
import { useSessionStore } from '../../renderer/state/session-store';
import { fakeMain } from './setup';

const QUIET: Dashboard = {
  today: '2027-01-04',
  requestsDueToday: [],
  requestsBreached: [],
  requestsOnTime: 0,
  requestsWaiting: 0,
  tasksWaiting: 0,
  tasks: [],
  systemsDown: [],
  licencesNearlyUsed: [],
  bankHolidays: { latest: '2027-12-28', neededUntil: '2028-01-04', covered: false },
  temporaryStaffEnding: [],
};

async function home(dashboard: Dashboard) {
  useSessionStore.setState({ session: null, unreachable: null });
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
  fakeMain.answer('dashboard:queue', dashboard);
  render(<App />);
  await screen.findByRole('heading', { name: /Due today/ });
}

describe('Home: bank holidays (REG-7)', () => {
  it('warns when the table does not reach twelve months ahead, with a link to the import', async () => {
    await home(QUIET);
    const warning = screen.getByRole('region', { name: 'Bank holidays run out' });
    expect(warning.textContent).toContain(
      'The bank holiday table ends on 2027-12-28, before 2028-01-04 (twelve months ahead).',
    );
    expect(
      within(warning).getByRole('link', { name: 'Import the GOV.UK bank holidays on the Catalogue screen' }),
    ).toHaveProperty('hash', '#/catalogue');
  });

  it('says nothing of bank holidays while the table reaches far enough', async () => {
    await home({
      ...QUIET,
      bankHolidays: { latest: '2028-12-26', neededUntil: '2028-01-04', covered: true },
    });
    expect(screen.queryByRole('region', { name: 'Bank holidays run out' })).toBeNull();
  });
});
