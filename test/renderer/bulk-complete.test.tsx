/** Issue 12 §5: the same task repeated on one system is offered for completion together. */
import { describe, expect, it } from 'vitest';
import type { Task } from '../../shared/requests';
import { repeatedGroups } from '../../renderer/screens/requests/bulk-complete';

const task = (id: string, systemId: string, action: string): Task => ({
  id,
  requestId: null,
  personId: `person-${id}`,
  personName: `Person ${id}`,
  systemId,
  systemName: systemId.toUpperCase(),
  action,
  description: `${action} for ${id}`,
  state: 'open',
  createdAt: '2026-11-30T09:00:00.000Z',
  doneAt: null,
});

describe('repeated tasks', () => {
  it('groups the same action on the same system, never set-ups, and only where it repeats', () => {
    const groups = repeatedGroups([
      task('1', 'emis', 'disable-account'),
      task('2', 'emis', 'disable-account'),
      task('3', 'rio', 'disable-account'),
      task('4', 'rio', 'create-account'),
      task('5', 'rio', 'create-account'),
      task('6', 'emis', 'delete-account'),
    ]);
    expect(groups.map((g) => [g.label, g.tasks.map((t) => t.id)])).toEqual([
      ['2 disable account tasks on EMIS', ['1', '2']],
    ]);
  });
});
