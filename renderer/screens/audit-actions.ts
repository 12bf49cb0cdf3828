/** Audit action codes in words. Unknown codes show as they are, so nothing is ever hidden. */
const ACTIONS: Record<string, string> = {
  'store.created': 'Store created',
  'store.backed-up': 'Backup made',
  'store.restored': 'Restored from backup',
  'operator.added': 'Operator added',
  'operator.revoked': 'Operator revoked',
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
  'catalogue.system-updated': 'System settings changed',
  'catalogue.bank-holidays-imported': 'Bank holidays imported',
};

export function describeAction(action: string): string {
  return ACTIONS[action] ?? action;
}
