/**
 * Issue 12 §5: an audit event's detail shows before and after in the words of the screens, never the
 * stored field names ("fileName", "slaTargetDays").
 */
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../shared/model';
import { AuditEventDetail } from '../../renderer/screens/audit-event-detail';

const EXPORT: AuditEvent = {
  seq: 21,
  at: '2026-11-23T09:00:00.000Z',
  operatorId: 'op-1',
  operatorName: 'Ada Administrator',
  action: 'report.exported',
  subjectType: 'report',
  subjectId: 'inactive-users',
  subjectLabel: 'Inactive users per system, by line manager (REP-1), November 2026',
  reason: null,
  instructedBy: null,
  before: { slaTargetDays: 1 },
  after: { format: 'pdf', fileName: 'gatehouse-inactive-users-2026-11.pdf', rowsWritten: 797 },
  workstation: 'ws-1',
  host: 'web',
  hash: 'd196233ad23ec95f996c0969baa5a6cfd9f83703822b7f9b0e51bde66710d9c7',
};

describe('audit event detail', () => {
  it('names each recorded field as the screens do', () => {
    render(<AuditEventDetail event={EXPORT} onClose={() => undefined} />);
    const detail = screen.getByRole('region', { name: 'Audit event 21' });
    expect(detail.textContent).toContain('File name: gatehouse-inactive-users-2026-11.pdf');
    expect(detail.textContent).toContain('Format: pdf');
    expect(detail.textContent).toContain('Rows written: 797');
    expect(detail.textContent).toContain('Target (working days): 1');
    expect(detail.textContent).not.toMatch(/fileName|rowsWritten|slaTargetDays/);
  });
});
