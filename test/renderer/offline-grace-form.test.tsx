/**
 * Settings › Trust register: the offline grace period is the Trust's setting (issue 11 §2). The form
 * sends the hours to main, shows what the whole Trust now has, and puts a refusal on its field.
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../shared/contract/sync';
import { OfflineGraceForm } from '../../renderer/screens/offline-grace-form';
import { fakeMain } from './setup';
import { JOINED_STATUS } from './sync-status-fixture';

const JOINED: SyncStatus = { ...JOINED_STATUS, offlineGraceHours: 24 };

describe('offline grace period form', () => {
  it('sends the hours and says the whole Trust now has them', async () => {
    fakeMain.answer('sync:setOfflineGrace', JOINED);
    render(<OfflineGraceForm hours={72} />);
    const user = userEvent.setup();
    const field = screen.getByRole('textbox', { name: 'Offline grace period (hours)' });
    await user.clear(field);
    await user.type(field, '24');
    await user.click(screen.getByRole('button', { name: 'Save the offline grace period' }));
    expect(fakeMain.calls).toContainEqual({ channel: 'sync:setOfflineGrace', input: { hours: 24 } });
    expect((await screen.findByRole('status')).textContent).toMatch(/whole Trust: 24 hours/);
  });

  it('a refusal lands on the field, named as the operator sees it', async () => {
    fakeMain.responders.set('sync:setOfflineGrace', () => ({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: 'Offline grace period (hours): enter a number up to 720.',
        fields: [
          { path: 'hours', label: 'Offline grace period (hours)', message: 'Enter a number up to 720.' },
        ],
      },
    }));
    render(<OfflineGraceForm hours={72} />);
    const user = userEvent.setup();
    const field = screen.getByRole('textbox', { name: 'Offline grace period (hours)' });
    await user.clear(field);
    await user.type(field, '9999');
    await user.click(screen.getByRole('button', { name: 'Save the offline grace period' }));
    expect(
      await screen.findByText('Enter a number up to 720.', {
        selector: '.nhsuk-error-message *, .nhsuk-error-message',
      }),
    ).toBeTruthy();
    expect(field.getAttribute('aria-describedby')).toMatch(/error/);
  });
});
