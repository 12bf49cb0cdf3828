/**
 * A task raised on an account can make an earlier open task on the same account wrong to carry out:
 * reactivating undoes a suspension nobody has applied yet, de-registering makes a set-up or a role
 * change pointless. The earlier task is cancelled, and the reason says which change overtook it
 * (REP-3: the task list and the audit trail must tell the same story).
 */

/** For each task action: the open actions on the same account it overtakes, and why, in words. */
const OVERTAKES: Record<string, Record<string, string>> = {
  'reactivate-account': {
    'suspend-account': 'the suspension was lifted before it was carried out',
  },
  'suspend-account': {
    'reactivate-account': 'the account was suspended again before the reactivation was carried out',
  },
  'delete-account': {
    'create-account': 'the account was de-registered before it was set up',
    'change-role': 'the account was de-registered before the role change was carried out',
    'reactivate-account': 'the account was de-registered before the reactivation was carried out',
    'suspend-account': 'the account was de-registered before the suspension was carried out',
  },
};
OVERTAKES['disable-account'] = OVERTAKES['delete-account']!;

/** Why a new task with `action` cancels an open task with `openAction` on the same account, or null. */
export function overtakenBecause(action: string, openAction: string): string | null {
  return OVERTAKES[action]?.[openAction] ?? null;
}
