import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { permissionsOf, type Role } from '../../shared/permissions';
import { App } from '../../renderer/app';
import { useSessionStore } from '../../renderer/state/session-store';
import { fakeMain } from './setup';

function activeAs(role: Role) {
  return {
    state: 'active',
    operator: {
      id: '5d7b1f3e-8a6c-4b8e-9d0a-2f1e3c4b5a69',
      name: 'Rae Officer',
      role,
      permissions: [...permissionsOf(role)],
      systems: null,
    },
    idleLockMinutes: 10,
  };
}

async function renderWith(status: unknown) {
  useSessionStore.setState({ session: null, unreachable: null });
  fakeMain.answer('session:status', status);
  render(<App />);
}

describe('the renderer shell', () => {
  it('checks the first passphrase before asking main, and says what to change', async () => {
    await renderWith({ state: 'first-run' });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Your name'), 'Ada Admin');
    await user.type(screen.getByLabelText('Passphrase', { exact: true }), 'short');
    await user.type(screen.getByLabelText('Confirm passphrase'), 'short');
    await user.click(screen.getByRole('button', { name: 'Create administrator' }));
    expect(screen.getByRole('alert').textContent).toMatch(/at least 12 characters/);
    expect(fakeMain.calls.map((c) => c.channel)).not.toContain('session:createFirstAdministrator');
  });

  it('says why the sign-in screen is showing after an idle lock, and shows main’s refusal', async () => {
    await renderWith({ state: 'signed-out', reason: 'idle' });
    const reason = await screen.findByText(/not used for a while/);
    expect(reason.closest('[role="status"]')).not.toBeNull();
    fakeMain.refuse(
      'session:signIn',
      'PASSPHRASE_NOT_RECOGNISED',
      'Passphrase not recognised. Check your name and passphrase, then try again.',
    );
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Name'), 'Ada Admin');
    await user.type(screen.getByLabelText('Passphrase'), 'wrong wrong wrong');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Passphrase not recognised/);
    expect((screen.getByLabelText('Passphrase') as HTMLInputElement).value).toBe('');
  });

  it('acknowledges the acceptable use statement with the version shown (USE-2)', async () => {
    const operator = activeAs('administrator').operator;
    await renderWith({
      state: 'acknowledging',
      operator,
      acceptableUse: {
        version: '2025-03',
        title: 'Acceptable use of Gatehouse',
        paragraphs: ['Never share your passphrase.'],
      },
    });
    fakeMain.answer('session:acknowledgeAcceptableUse', activeAs('administrator'));
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'I understand and agree' }));
    expect(fakeMain.calls.find((c) => c.channel === 'session:acknowledgeAcceptableUse')?.input).toEqual({
      version: '2025-03',
    });
    expect(await screen.findByRole('navigation', { name: 'Main' })).toBeTruthy();
  });

  it('shows an RA officer only the screens their role allows', async () => {
    await renderWith(activeAs('ra-officer'));
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    const links = Array.from(nav.querySelectorAll('a')).map((a) => a.textContent);
    expect(links).toEqual([
      'Home',
      'People',
      'Requests',
      'Catalogue',
      'Access profiles',
      'Smartcard',
      'Downtime',
      'Settings',
    ]);
  });

  it('returns to the sign-in screen when main reports a lock', async () => {
    await renderWith(activeAs('auditor'));
    await screen.findByRole('navigation', { name: 'Main' });
    act(() => fakeMain.emit('session:changed', { state: 'signed-out', reason: 'idle' }));
    expect(await screen.findByRole('heading', { name: 'Sign in to Gatehouse' })).toBeTruthy();
  });

  it('shows the smartcard service’s state as main pushes it, with what to do', async () => {
    window.location.hash = '#/smartcard';
    fakeMain.answer('smartcard:status', {
      service: 'no-service',
      message: 'The smartcard service is not running.',
      readers: [],
    });
    await renderWith(activeAs('ra-officer'));
    expect(await screen.findByRole('heading', { name: 'Smartcard' })).toBeTruthy();
    expect(
      (await screen.findByText('The smartcard service is not running.')).closest('[role="status"]'),
    ).not.toBeNull();
    act(() =>
      fakeMain.emit('smartcard:changed', {
        service: 'ready',
        message: 'Insert a smartcard.',
        readers: [{ name: 'Reader A', card: null }],
      }),
    );
    expect(await screen.findByText('Insert a smartcard.')).toBeTruthy();
    expect(screen.getByText('Readers: Reader A')).toBeTruthy();
  });
});
