/**
 * Issue 12 §5, counts that agree with the lists: until the queue is read the Requests screen says
 * so, rather than "0 open requests" beside a queue that has some.
 */
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../shared/errors';
import { RequestsScreen } from '../../renderer/screens/requests/requests-screen';
import { fakeMain } from './setup';

describe('the Requests screen’s count', () => {
  it('says the requests are being read until they are, then counts them', async () => {
    let answer: (value: Envelope<unknown>) => void = () => undefined;
    // main answers when the test says: the queue is still being read until then.
    fakeMain.responders.set(
      'requests:list',
      () => new Promise<Envelope<unknown>>((resolve) => (answer = resolve)) as unknown as Envelope<unknown>,
    );
    fakeMain.answer('tasks:list', []);
    render(<RequestsScreen />);
    expect(await screen.findByText('Reading the requests…')).toBeTruthy();
    expect(screen.queryByText('0 open requests')).toBeNull();
    answer({ ok: true, value: [] });
    expect(await screen.findByText('0 open requests')).toBeTruthy();
    expect(screen.queryByText('Reading the requests…')).toBeNull();
  });
});
