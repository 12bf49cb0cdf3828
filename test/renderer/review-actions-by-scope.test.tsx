/**
 * Issue 12 §4 on the access review screens (issue 13 §3): an operator is not shown actions their role
 * cannot use. Main refuses a scoped administrator's start, any answer on another system's account,
 * and escalating a review wider than their systems; the screen offers none of those.
 */
import { fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Campaign, ReviewItem } from '../../shared/access-reviews';
import { permissionsOf } from '../../shared/permissions';
import { ReviewsScreen } from '../../renderer/screens/reviews/reviews-screen';
import { useSessionStore } from '../../renderer/state/session-store';
import { fakeMain } from './setup';

function signedInAs(systems: string[] | null) {
  useSessionStore.setState({
    unreachable: null,
    session: {
      state: 'active',
      operator: {
        id: '5d7b1f3e-8a6c-4b8e-9d0a-2f1e3c4b5a69',
        name: 'Sam Scoped',
        role: 'administrator',
        permissions: [...permissionsOf('administrator')],
        systems,
      },
      idleLockMinutes: 10,
    } as never,
  });
}

const progress = { items: 2, answered: 0, kept: 0, removed: 0, roleChanged: 0, escalated: 0 };
const trustWide: Campaign = {
  id: 'c1',
  scope: 'the whole Trust',
  systemId: null,
  dueOn: '2026-11-20',
  state: 'open',
  startedAt: '2026-11-01T09:00:00.000Z',
  items: 2,
  answered: 0,
  overdue: true,
  managers: [{ managerId: 'm1', managerName: 'Ngozi Okafor', ...progress }],
};
const item = (id: string, systemId: string, systemName: string): ReviewItem => ({
  id: `c1:000000${id}`,
  personId: 'p1',
  personName: 'Sam Patel',
  systemId,
  systemName,
  role: 'Clinician',
  managerName: 'Ngozi Okafor',
  answer: null,
  newRole: null,
  answeredBy: null,
  escalatedTo: null,
});

async function openNgozisList() {
  fakeMain.answer('reviews:status', [trustWide]);
  fakeMain.answer('catalogue:list', []);
  fakeMain.answer('reviews:items', [item('1', 'rio', 'RiO'), item('2', 'emis', 'EMIS')]);
  render(<ReviewsScreen />);
  fireEvent.click(await screen.findByRole('button', { name: 'Record answers for Ngozi Okafor' }));
  return screen.findByRole('region', { name: 'Ngozi Okafor’s list' });
}

afterEach(() => useSessionStore.setState({ session: null, unreachable: null }));

describe('the access reviews screen for a RiO administrator', () => {
  it('offers answers only on RiO accounts, and neither a start nor escalating a Trust-wide review', async () => {
    signedInAs(['rio']);
    const list = await openNgozisList();
    const emis = within(list).getByRole('row', { name: /Sam Patel EMIS/ });
    expect(within(emis).queryByRole('button')).toBeNull();
    expect(emis.textContent).toContain('Not answered');
    const rio = within(list).getByRole('row', { name: /Sam Patel RiO/ });
    expect(within(rio).getByRole('button', { name: 'Answer for Sam Patel, RiO' })).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Start an access review' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Escalate overdue' })).toBeNull();
  });

  it('an administrator of every system is offered all of them', async () => {
    signedInAs(null);
    const list = await openNgozisList();
    expect(within(list).getAllByRole('button', { name: /^Answer for Sam Patel/ })).toHaveLength(2);
    expect(screen.getByRole('form', { name: 'Start an access review' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Escalate overdue' })).toBeTruthy();
  });
});
