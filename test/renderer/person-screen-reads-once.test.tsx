/**
 * Opening a person's record is one read and so one "Record viewed" (USE-3), even when React mounts
 * the screen twice in a row, as StrictMode does in development and as the app's root asks for.
 */
import { render, screen } from '@testing-library/react';
import { StrictMode } from 'react';
import { describe, expect, it } from 'vitest';
import { permissionsOf } from '../../shared/permissions';
import { PersonScreen } from '../../renderer/screens/people/person-screen';
import { useSessionStore } from '../../renderer/state/session-store';
import { fakeMain } from './setup';

const PERSON_ID = '0f6f7d1e-2a3b-4c5d-8e9f-a0b1c2d3e4f5';
const reads = () => fakeMain.calls.filter((c) => c.channel === 'people:get');

describe('the Person screen reads the record once per opening (USE-3)', () => {
  it('sends one read, with the viewer, when StrictMode mounts the screen twice', async () => {
    useSessionStore.setState({
      session: {
        state: 'active',
        operator: {
          id: '5d7b1f3e-8a6c-4b8e-9d0a-2f1e3c4b5a69',
          name: 'Aubrey Auditor',
          role: 'auditor',
          permissions: [...permissionsOf('auditor')],
          systems: null,
        },
        idleLockMinutes: 10,
      },
      unreachable: null,
    });
    fakeMain.refuse('people:get', 'NOT_FOUND', 'There is no such person in the register.');
    render(
      <StrictMode>
        <PersonScreen id={PERSON_ID} part="accounts" />
      </StrictMode>,
    );
    await screen.findByText('There is no such person in the register.');
    expect(reads()).toEqual([
      { channel: 'people:get', input: { id: PERSON_ID, viewer: '5d7b1f3e-8a6c-4b8e-9d0a-2f1e3c4b5a69' } },
    ]);
  });
});
