/**
 * The workstation's display preferences in the renderer (issue 12 §1): in a browser they live in
 * localStorage under one key, only the known keys, and the screens read them back: the requests
 * table's sorting and the last screen, offered on Home as a link.
 */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccessRequest } from '../../shared/requests';
import { LastScreenLink, useRememberLastScreen } from '../../renderer/screens/last-screen-link';
import { RequestsTable } from '../../renderer/screens/requests/requests-table';
import { LOCAL_STORAGE_KEY, localStoragePreferences } from '../../renderer/state/display-preferences';

const kept = () => JSON.parse(window.localStorage.getItem(LOCAL_STORAGE_KEY) ?? 'null') as unknown;

beforeEach(() => window.localStorage.clear());
afterEach(() => window.localStorage.clear());

describe('display preferences kept in this browser', () => {
  it('keeps the known keys and refuses the rest, a person’s record among them', async () => {
    const preferences = localStoragePreferences(window.localStorage);
    expect(await preferences.get()).toEqual({ lastScreen: null, tableSort: {} });
    expect(await preferences.set({ key: 'lastScreen', value: '/audit' })).toBe(true);
    const refused = [
      { key: 'lastScreen', value: '/people/5d7b1f3e-8a6c-4b8e-9d0a-2f1e3c4b5a69' },
      { key: 'tableSort', table: 'people', value: { column: 'name', descending: false } },
      { key: 'theme', value: 'dark' },
    ];
    // The renderer's own code is typed; these stand for a page that is not.
    for (const update of refused) expect(await preferences.set(update as never)).toBe(false);
    expect(kept()).toEqual({ lastScreen: '/audit', tableSort: {} });
  });

  it('reads a damaged entry as no preferences', async () => {
    window.localStorage.setItem(LOCAL_STORAGE_KEY, '{"lastScreen": "/people/x", "tableSort": {}}');
    expect(await localStoragePreferences(window.localStorage).get()).toEqual({
      lastScreen: null,
      tableSort: {},
    });
  });
});

function request(
  reference: string,
  personName: string,
  target: AccessRequest['sla']['target'],
): AccessRequest {
  return {
    id: `id-${reference}`,
    reference,
    type: 'new-user',
    personId: `person-${reference}`,
    personName,
    systemId: 'rio',
    systemName: 'RiO',
    role: 'Clinician',
    accountKind: 'normal',
    purpose: 'Caseload',
    purposeKind: 'direct-care',
    authorisation: null,
    prerequisitesMet: [],
    state: 'awaiting-authorisation',
    stateNote: null,
    receivedAt: '2026-11-20T09:00:00Z',
    completedAt: null,
    blockers: [],
    sla: { startedOn: null, targetDue: null, interimDue: null, target, interim: 'not-started' },
  };
}

const REQUESTS = [request('SD-2', 'Amara Okoye', 'on-time'), request('SD-1', 'Ben Adams', 'breached')];
const references = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0]!.textContent);

describe('the requests table remembers its sorting', () => {
  it('starts most urgent first, and a sort the operator chooses is there the next time', async () => {
    const first = render(<RequestsTable requests={REQUESTS} caption="Open requests" />);
    expect(references()).toEqual(['SD-1', 'SD-2']);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Person' }));
    expect(references()).toEqual(['SD-2', 'SD-1']);
    expect(kept()).toEqual({
      lastScreen: null,
      tableSort: { requests: { column: 'personName', descending: false } },
    });
    first.unmount();

    render(<RequestsTable requests={REQUESTS} caption="Open requests" />);
    const person = screen.getByRole('columnheader', { name: /^Person/ });
    await waitFor(() => expect(person.getAttribute('aria-sort')).toBe('ascending'));
    expect(references()).toEqual(['SD-2', 'SD-1']);
  });
});

function Frame({ route }: { route: string }) {
  const screens = [
    { path: '/', label: 'Home' },
    { path: '/requests', label: 'Requests' },
    { path: '/audit', label: 'Audit' },
  ];
  useRememberLastScreen(route, screens);
  return <LastScreenLink screens={screens} />;
}

describe('the last screen', () => {
  it('is remembered for top-level screens only, never Home or a record, and offered as a link', async () => {
    const frame = render(<Frame route="/audit" />);
    frame.rerender(<Frame route="/people/5d7b1f3e-8a6c-4b8e-9d0a-2f1e3c4b5a69" />);
    frame.rerender(<Frame route="/" />);
    expect(kept()).toEqual({ lastScreen: '/audit', tableSort: {} });
    frame.unmount();

    render(<Frame route="/" />);
    const link = await screen.findByRole('link', { name: 'Carry on where this workstation left off: Audit' });
    expect(link.getAttribute('href')).toBe('#/audit');
  });

  it('is not offered when the operator cannot open that screen', async () => {
    window.localStorage.setItem(
      LOCAL_STORAGE_KEY,
      JSON.stringify({ lastScreen: '/operators', tableSort: {} }),
    );
    render(<LastScreenLink screens={[{ path: '/', label: 'Home' }]} />);
    // Let the preferences be read (a resolved promise), then check nothing was offered.
    await act(async () => {});
    expect(screen.queryByRole('link')).toBeNull();
  });
});
