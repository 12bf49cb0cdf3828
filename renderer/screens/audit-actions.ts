/** Audit action codes in words. Unknown codes show as they are, so nothing is ever hidden. */
const ACTIONS: Record<string, string> = {
  'store.created': 'Store created',
  'store.backed-up': 'Backup made',
  'store.restored': 'Restored from backup',
  'operator.added': 'Operator added',
  'operator.revoked': 'Operator revoked',
  'operator.scope-changed': 'Operator’s systems changed',
  'operator.passphrase-changed': 'Passphrase changed',
  'session.signed-in': 'Signed in',
  'session.signed-out': 'Signed out',
  'session.acceptable-use-acknowledged': 'Acceptable use acknowledged',
  'settings.updated': 'Settings changed',
  'audit.exported': 'Audit trail exported',
  'person.added': 'Person added',
  'person.updated': 'Details changed',
  'person.viewed': 'Record viewed',
  'request.received': 'Request received',
  'request.authorised': 'Request authorised',
  'request.prerequisites-confirmed': 'Prerequisites confirmed',
  'request.referred': 'Referred to line manager',
  'request.resumed': 'Request resumed',
  'request.rejected': 'Request rejected',
  'request.withdrawn': 'Request withdrawn',
  'task.raised': 'Task raised',
  'task.completed': 'Task completed',
  'people.imported': 'People imported',
  'demo.generated': 'Demo data generated',
  'account.suspended': 'Account suspended',
  'account.suspension-lifted': 'Suspension lifted',
  'account.re-registered': 'Re-registered after inactivity',
  'account.deregistered': 'Account de-registered',
  'account.set-up-cancelled': 'Set-up cancelled',
  'person.left': 'Left the Trust',
  'person.moved': 'Moved job, access reviewed',
  'leavers.imported': 'HR leavers report applied',
  'downtime.started': 'System marked down',
  'downtime.ended': 'System back up',
  'catalogue.system-updated': 'System settings changed',
  'catalogue.bank-holidays-imported': 'Bank holidays imported',
  'activity.imported': 'Sign-in activity imported',
  'esr.imported': 'ESR change file imported',
  'esr.accepted': 'ESR change accepted',
  'esr.rejected': 'ESR change rejected',
  'inactivity.run': 'Inactivity review run',
  'operator.card-linked': 'Operator’s smartcard linked',
  'operator.card-unlinked': 'Operator’s smartcard unlinked',
  'report.exported': 'Report exported',
  'smartcard.checked': 'Smartcard checked',
  'smartcard.linked': 'Smartcard recorded for a person',
  'orphan.linked': 'Orphan account linked to a person',
  'orphan.removal-raised': 'Removal of an orphan account raised',
  'orphan.removed': 'Orphan account removed',
};

/** An event in words: an export says which format it was (CSV and PDF are told apart). */
export function describeEvent(event: { action: string; after: unknown }): string {
  const after = event.after as { format?: unknown } | null;
  if (event.action === 'report.exported' && after && typeof after.format === 'string') {
    return `Report exported as ${after.format.toUpperCase()}`;
  }
  return describeAction(event.action);
}

export function describeAction(action: string): string {
  return ACTIONS[action] ?? action;
}
