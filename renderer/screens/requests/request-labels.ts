/** Words for request states and SLA standing, as administrators say them. */
import type { AccessRequest, RequestState } from '../../../shared/requests';
import { SLA_TAGS } from '../../../shared/status-tags';

export const STATE_LABELS: Record<RequestState, string> = {
  'awaiting-authorisation': 'Awaiting authorisation',
  referred: 'Referred to line manager',
  'awaiting-prerequisites': 'Awaiting prerequisites',
  ready: 'Ready to set up',
  completed: 'Completed',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
};

/** The dates beside the SLA tag: the target and, where it differs, the interim standard's standing. */
export function slaText(request: AccessRequest): string {
  const { sla } = request;
  if (!sla.targetDue) return 'Clock not started';
  const target = `Target ${sla.targetDue}`;
  return sla.target === sla.interim
    ? target
    : `${target}; interim ${SLA_TAGS[sla.interim].label.toLowerCase()} (${sla.interimDue})`;
}
