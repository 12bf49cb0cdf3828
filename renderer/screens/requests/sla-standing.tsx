/** A request's SLA standing: the design system tag (Breached, At risk...) and the dates behind it. */
import type { AccessRequest } from '../../../shared/requests';
import { SLA_TAGS } from '../../../shared/status-tags';
import { Tag } from '../../components/nhs/tag';
import { slaText } from './request-labels';

export function SlaStanding({ request }: { request: AccessRequest }) {
  if (!request.sla.targetDue) return <>Clock not started</>;
  return (
    <>
      <Tag tag={SLA_TAGS[request.sla.target]} /> <span className="nhsuk-body-s">{slaText(request)}</span>
    </>
  );
}
