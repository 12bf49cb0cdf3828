/**
 * The Conflicts screen against the contract (issue 11 §2): it offers exactly the choices a conflict
 * lists, shows what others did since in the audit trail's words, and sends Apply anyway and Link to
 * the existing record with the reason only after a confirmation naming what will happen. (The
 * end-to-end test drives Discard mine against the real core; these choices are built against the
 * contract while the core's side is finished on another branch.)
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { SyncConflict, SyncStatus } from '../../shared/contract/sync';
import { permissionsOf } from '../../shared/permissions';
import { App } from '../../renderer/app';
import { useSessionStore } from '../../renderer/state/session-store';
import { useSyncStore } from '../../renderer/state/sync-store';
import { fakeMain } from './setup';
import { JOINED_STATUS } from './sync-status-fixture';

const STATUS: SyncStatus = { ...JOINED_STATUS, conflicts: 2 };

const DUPLICATE: SyncConflict = {
  id: 7,
  channel: 'people:create',
  input: { name: 'Grace Hopper' },
  operatorId: '5d7b1f3e-8a6c-4b8e-9d0a-2f1e3c4b5a69',
  operatorName: 'Ada Administrator',
  at: '2026-11-23T09:01:00.000Z',
  problem: 'Grace Hopper is already on the register with the same employee number.',
  summary: 'Add Grace Hopper',
  record: { type: 'person', id: 'p-offline', label: 'Grace Hopper' },
  since: [
    {
      at: '2026-11-23T09:02:00.000Z',
      operatorName: 'Rae Officer',
      action: 'person.added',
      label: 'Grace Hopper (20001234)',
    },
  ],
  existing: { type: 'person', id: 'p-register', label: 'Grace Hopper, 20001234' },
  choices: ['discard', 'apply', 'link'],
};

const EDIT: SyncConflict = {
  ...DUPLICATE,
  id: 8,
  channel: 'people:update',
  summary: 'Change details of Alan Turing: team to Offline team',
  record: { type: 'person', id: 'p-alan', label: 'Alan Turing' },
  since: [
    {
      at: '2026-11-23T09:03:00.000Z',
      operatorName: 'Rae Officer',
      action: 'person.updated',
      label: 'Alan Turing',
    },
  ],
  existing: null,
  choices: ['discard'],
};

async function openConflicts(conflicts: SyncConflict[]) {
  useSessionStore.setState({ session: null, unreachable: null });
  useSyncStore.setState({ status: null });
  window.location.hash = '#/conflicts';
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
  fakeMain.answer('sync:status', { ...STATUS, conflicts: conflicts.length });
  fakeMain.answer('sync:conflicts', conflicts);
  render(<App />);
  await screen.findByRole('heading', { level: 1, name: 'Conflicts' });
  return screen.findByRole('region', { name: conflicts[0]!.summary });
}

describe('Conflicts screen (issue 11 §2)', () => {
  it('offers only the choices each conflict lists, beside what others did since', async () => {
    const duplicate = await openConflicts([DUPLICATE, EDIT]);
    const edit = screen.getByRole('region', { name: EDIT.summary });
    for (const name of ['Discard mine', 'Apply anyway', 'Link to the existing record'])
      expect(within(duplicate).getByRole('button', { name: new RegExp(name) })).toBeTruthy();
    expect(within(edit).getByRole('button', { name: /Discard mine/ })).toBeTruthy();
    expect(within(edit).queryByRole('button', { name: /Apply anyway/ })).toBeNull();
    expect(within(edit).queryByRole('button', { name: /Link to the existing record/ })).toBeNull();
    // What others did, in the audit trail's words; the record already there for a duplicate.
    expect(within(duplicate).getByRole('table').textContent).toContain(
      'Person added: Grace Hopper (20001234)',
    );
    expect(within(edit).getByRole('table').textContent).toContain('Details changed: Alan Turing');
    expect(within(duplicate).getByText(/Already on the register/).textContent).toContain(
      'Grace Hopper, 20001234',
    );
    expect(within(duplicate).getByRole('link', { name: 'Grace Hopper, 20001234' })).toHaveProperty(
      'hash',
      '#/people/p-register',
    );
  });

  it('Apply anyway asks for a reason, names what will happen, then sends it and shows the new list', async () => {
    const duplicate = await openConflicts([DUPLICATE, EDIT]);
    const user = userEvent.setup();
    await user.click(within(duplicate).getByRole('button', { name: /Apply anyway/ }));
    const form = within(duplicate).getByRole('form', { name: 'Apply anyway' });
    expect(within(form).getByLabelText(/Reason/)).toBe(document.activeElement);
    await user.click(within(form).getByRole('button', { name: 'Continue' }));
    expect(within(form).getByRole('alert').textContent).toContain('Enter the reason.');
    expect(
      within(form)
        .getByLabelText(/Reason/)
        .getAttribute('aria-invalid'),
    ).toBe('true');
    expect(fakeMain.calls.map((c) => c.channel)).not.toContain('sync:apply');

    await user.type(within(form).getByLabelText(/Reason/), 'Two people share the name');
    await user.click(within(form).getByRole('button', { name: 'Continue' }));
    expect(screen.getByRole('heading', { name: 'Apply your change anyway?' })).toBe(document.activeElement);
    expect(screen.getByRole('list', { name: 'What will happen' }).textContent).toContain(
      'run again on the Trust register as it stands now',
    );
    fakeMain.answer('sync:apply', [EDIT]);
    fakeMain.answer('sync:conflicts', [EDIT]);
    fakeMain.answer('sync:status', { ...STATUS, conflicts: 1 });
    await user.click(screen.getByRole('button', { name: 'Apply my change anyway' }));
    const banner = await screen.findByRole('region', { name: 'Success' });
    expect(banner.textContent).toContain('Your change was applied again: Add Grace Hopper.');
    expect(banner).toBe(document.activeElement);
    expect(fakeMain.calls.find((c) => c.channel === 'sync:apply')?.input).toEqual({
      id: 7,
      reason: 'Two people share the name',
    });
    expect(screen.queryByRole('region', { name: DUPLICATE.summary })).toBeNull();
    expect(screen.getByRole('region', { name: EDIT.summary })).toBeTruthy();
  });

  it('Link to the existing record names it; a refusal comes back to the reason with why', async () => {
    const duplicate = await openConflicts([DUPLICATE]);
    const user = userEvent.setup();
    await user.click(within(duplicate).getByRole('button', { name: /Link to the existing record/ }));
    const form = within(duplicate).getByRole('form', { name: 'Link to the existing record' });
    await user.type(within(form).getByLabelText(/Reason/), 'Same person, same employee number');
    await user.click(within(form).getByRole('button', { name: 'Continue' }));
    expect(screen.getByRole('list', { name: 'What will happen' }).textContent).toContain(
      'Your record Grace Hopper is linked to Grace Hopper, 20001234, already on the Trust register',
    );
    fakeMain.refuse('sync:link', 'UNAVAILABLE', 'Link to the existing record is not available yet.');
    await user.click(screen.getByRole('button', { name: 'Link to Grace Hopper, 20001234' }));
    const again = await within(duplicate).findByRole('form', { name: 'Link to the existing record' });
    expect(within(again).getByRole('alert')).toBe(document.activeElement);
    expect(within(again).getByRole('alert').textContent).toContain(
      'Link to the existing record is not available yet.',
    );
    expect(fakeMain.calls.find((c) => c.channel === 'sync:link')?.input).toEqual({
      id: 7,
      reason: 'Same person, same employee number',
    });
  });
});
