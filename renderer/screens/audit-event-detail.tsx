/**
 * One audit event in full (issue 12 §5): who, when, where (the workstation and the host), the
 * subject, the system, the reason and who instructed it, and before and after for the change, as
 * recorded in the hash chain.
 */
import type { AuditEvent } from '../../shared/model';
import { SummaryList } from '../components/nhs/summary-list';
import { PanelHeading } from '../components/panel-heading';
import { describeAuditAction } from '../../shared/audit-actions';
import { hostKindLabel } from '../../shared/host-kinds';
import { FIELD_LABELS } from '../../shared/contract/field-labels';
import { formatDateTime } from './format';

function systemOf(event: AuditEvent): string | null {
  for (const side of [event.after, event.before]) {
    const system = (side as { system?: unknown } | null)?.system;
    if (typeof system === 'string') return system;
  }
  return null;
}

/** Events from before Gatehouse recorded where they were made say so rather than guess. */
function whereOf(event: AuditEvent): string {
  if (event.workstation === null && event.host === null) return 'Not recorded (an older event)';
  const host = event.host === null ? null : `through ${hostKindLabel(event.host)}`;
  return [event.workstation ? `Workstation ${event.workstation}` : null, host].filter(Boolean).join(', ');
}

/**
 * A recorded field in the words of the screens (fileName is "File name", slaTargetDays "Target
 * (working days)"); one the forms never show is spelt out from its name.
 */
export function recordedFieldLabel(key: string): string {
  const known = FIELD_LABELS[key];
  if (known) return known;
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function Values({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <>None recorded</>;
  if (typeof value !== 'object') return <>{String(value)}</>;
  return (
    <ul className="nhsuk-list">
      {Object.entries(value as Record<string, unknown>).map(([key, v]) => (
        <li key={key}>
          {recordedFieldLabel(key)}: {typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)}
        </li>
      ))}
    </ul>
  );
}

export function AuditEventDetail({ event, onClose }: { event: AuditEvent; onClose: () => void }) {
  return (
    <section className="action-panel" aria-label={`Audit event ${event.seq}`}>
      <PanelHeading>{`Event ${event.seq}: ${describeAuditAction(event)}`}</PanelHeading>
      <SummaryList
        rows={[
          { key: 'When', value: formatDateTime(event.at) },
          { key: 'Who', value: event.operatorName ?? 'Gatehouse itself' },
          { key: 'Where', value: whereOf(event) },
          {
            key: 'Subject',
            value: event.subjectLabel
              ? `${event.subjectLabel}${event.subjectType ? ` (${event.subjectType})` : ''}`
              : 'None',
          },
          { key: 'System', value: systemOf(event) ?? 'Not about one system' },
          { key: 'Reason', value: event.reason ?? 'None given' },
          { key: 'Instructed by', value: event.instructedBy ?? 'Not recorded' },
          { key: 'Before', value: <Values value={event.before} /> },
          { key: 'After', value: <Values value={event.after} /> },
          { key: 'Hash', value: <code>{event.hash}</code> },
        ]}
      />
      <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onClose}>
        Close event {event.seq}
      </button>
    </section>
  );
}
