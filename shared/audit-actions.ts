/**
 * Every action the audit trail records (REP-3), each with the words the screens show. A service can
 * write only an action listed here (NewAuditEvent.action is an AuditAction), and a label missing
 * from AUDIT_ACTION_LABELS does not compile.
 */
export const AUDIT_ACTIONS = [
  'store.created',
  'store.backed-up',
  'store.restored',
  'operator.added',
  'operator.revoked',
  'operator.scope-changed',
  'operator.passphrase-changed',
  'operator.card-linked',
  'operator.card-unlinked',
  'operator.signing-key-added',
  'session.signed-in',
  'session.signed-out',
  'session.acceptable-use-acknowledged',
  'settings.updated',
  'audit.exported',
  'audit.checkpoint',
  'person.added',
  'person.updated',
  'person.viewed',
  'person.left',
  'person.moved',
  'request.received',
  'request.authorised',
  'request.prerequisites-confirmed',
  'request.referred',
  'request.resumed',
  'request.rejected',
  'request.withdrawn',
  'task.raised',
  'task.completed',
  'task.cancelled',
  'people.imported',
  'demo.generated',
  'account.suspended',
  'account.suspension-lifted',
  'account.re-registered',
  'account.deregistered',
  'account.set-up-cancelled',
  'leavers.imported',
  'activity.imported',
  'inactivity.run',
  'orphan.linked',
  'orphan.removal-raised',
  'orphan.removed',
  'esr.imported',
  'esr.accepted',
  'esr.rejected',
  'smartcard.checked',
  'smartcard.linked',
  'downtime.started',
  'downtime.ended',
  'catalogue.system-updated',
  'catalogue.bank-holidays-imported',
  'report.exported',
  'profile.saved',
  'profile.deleted',
  'profiles.imported',
  'review.started',
  'review.answered',
  'review.escalated',
  'review.shared',
  'request.proposals-raised',
  'request.authorised-together',
  'trust.connected',
  'trust.register-set-up',
  'trust.conflict-discarded',
  'trust.conflict-applied',
  'trust.conflict-linked',
  'trust.settings-changed',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  'store.created': 'Store created',
  'store.backed-up': 'Backup made',
  'store.restored': 'Restored from backup',
  'operator.added': 'Operator added',
  'operator.revoked': 'Operator revoked',
  'operator.scope-changed': 'Operator’s systems changed',
  'operator.passphrase-changed': 'Passphrase changed',
  'operator.card-linked': 'Operator’s smartcard linked',
  'operator.signing-key-added': 'Signing key recorded',
  'operator.card-unlinked': 'Operator’s smartcard unlinked',
  'session.signed-in': 'Signed in',
  'session.signed-out': 'Signed out',
  'session.acceptable-use-acknowledged': 'Acceptable use acknowledged',
  'settings.updated': 'Settings changed',
  'audit.checkpoint': 'Audit checkpoint made',
  'audit.exported': 'Audit trail exported',
  'person.added': 'Person added',
  'person.updated': 'Details changed',
  'person.viewed': 'Record viewed',
  'person.left': 'Left the Trust',
  'person.moved': 'Moved job, access reviewed',
  'request.received': 'Request received',
  'request.authorised': 'Request authorised',
  'request.prerequisites-confirmed': 'Prerequisites confirmed',
  'request.referred': 'Referred to line manager',
  'request.resumed': 'Request resumed',
  'request.rejected': 'Request rejected',
  'request.withdrawn': 'Request withdrawn',
  'task.raised': 'Task raised',
  'task.completed': 'Task completed',
  'task.cancelled': 'Task cancelled',
  'people.imported': 'People imported',
  'demo.generated': 'Demo data generated',
  'account.suspended': 'Account suspended',
  'account.suspension-lifted': 'Suspension lifted',
  'account.re-registered': 'Re-registered after inactivity',
  'account.deregistered': 'Account de-registered',
  'account.set-up-cancelled': 'Set-up cancelled',
  'leavers.imported': 'HR leavers report applied',
  'activity.imported': 'Sign-in activity imported',
  'inactivity.run': 'Inactivity check run',
  'orphan.linked': 'Unknown account linked to a person',
  'orphan.removal-raised': 'Removal of unknown account raised',
  'orphan.removed': 'Unknown account recorded as removed',
  'esr.imported': 'ESR change file imported',
  'esr.accepted': 'ESR change accepted',
  'esr.rejected': 'ESR change rejected',
  'smartcard.checked': 'Smartcard checked',
  'smartcard.linked': 'Smartcard linked to a person',
  'downtime.started': 'System marked down',
  'downtime.ended': 'System back up',
  'catalogue.system-updated': 'System settings changed',
  'catalogue.bank-holidays-imported': 'Bank holidays imported',
  'report.exported': 'Report exported',
  'profile.saved': 'Access profile saved',
  'profile.deleted': 'Access profile deleted',
  'profiles.imported': 'Access profiles imported',
  'review.started': 'Access review started',
  'review.answered': 'Access review answer recorded',
  'review.escalated': 'Access review escalated',
  'review.shared': 'Access review handed up to the Trust register',
  'request.proposals-raised': 'Proposed requests raised',
  'request.authorised-together': 'Authorisation recorded for several requests',
  'trust.connected': 'Joined the Trust register',
  'trust.register-set-up': 'Trust register set up from this store',
  'trust.conflict-discarded': 'Offline change discarded (conflict)',
  'trust.conflict-applied': 'Offline change applied anyway (conflict)',
  'trust.conflict-linked': 'Offline record linked to the existing one (conflict)',
  'trust.settings-changed': 'Trust register settings changed',
};

export function isAuditAction(action: string): action is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(action);
}

/** Suspensions and their lifts name the system (issue 12 §5): a person may have several suspended. */
const NAMES_ITS_SYSTEM: readonly AuditAction[] = [
  'account.suspended',
  'account.suspension-lifted',
  'account.re-registered',
];

/**
 * An event's action in words, with the detail that tells like events apart (a report's format, the
 * system a suspension is on). An action this version does not know shows as its code, so nothing is
 * ever hidden.
 */
export function describeAuditAction(event: { action: string; after?: unknown }): string {
  if (!isAuditAction(event.action)) return event.action;
  const label = AUDIT_ACTION_LABELS[event.action];
  if (event.action === 'report.exported') {
    const format = (event.after as { format?: unknown } | null | undefined)?.format;
    if (format === 'csv' || format === 'pdf') return `${label} as ${format.toUpperCase()}`;
  }
  if (NAMES_ITS_SYSTEM.includes(event.action)) {
    const system = (event.after as { system?: unknown } | null | undefined)?.system;
    if (typeof system === 'string') return `${label} (${system})`;
  }
  return label;
}
