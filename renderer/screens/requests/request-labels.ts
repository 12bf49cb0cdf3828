/** Words for request states and SLA standing, as administrators say them. */
import type { AccessRequest, RequestState } from '../../../shared/requests';

export const STATE_LABELS: Record<RequestState, string> = {
  'awaiting-authorisation': 'Awaiting authorisation',
  referred: 'Referred to line manager',
  'awaiting-prerequisites': 'Awaiting prerequisites',
  ready: 'Ready to set up',
  completed: 'Completed',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
};

const SLA_LABELS: Record<AccessRequest['sla']['target'], string> = {
  'not-started': 'Not started',
  'on-time': 'On time',
  'at-risk': 'At risk: due today',
  breached: 'Breached',
  met: 'Met',
  missed: 'Missed',
};

export function slaText(request: AccessRequest): string {
  const { sla } = request;
  if (!sla.targetDue) return 'Clock not started';
  const target = `${SLA_LABELS[sla.target]} (target ${sla.targetDue})`;
  return sla.target === sla.interim
    ? target
    : `${target}; interim ${SLA_LABELS[sla.interim].toLowerCase()} (${sla.interimDue})`;
}
