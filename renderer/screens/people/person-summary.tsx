/** The top of a person's record: who they are, their employment and smartcard, and account standing. */
import { EMPLOYMENT_LABELS, type Person } from '../../../shared/register';
import { ACCOUNT_STATUS_TAGS } from '../../../shared/status-tags';
import { SummaryList } from '../../components/nhs/summary-list';
import { Tag } from '../../components/nhs/tag';
import { partPath } from './person-parts';

export function PersonSummary({ person, canEdit }: { person: Person; canEdit: boolean }) {
  const change = canEdit ? { href: partPath(person.id, 'details') } : undefined;
  const byStatus = ACCOUNT_STATUS_TAGS_ORDER.map((status) => ({
    status,
    count: person.accounts.filter((a) => a.status === status).length,
  })).filter((s) => s.count > 0);
  return (
    <SummaryList
      rows={[
        {
          key: 'Status',
          value: (
            <>
              {person.status === 'leaver' ? (
                <Tag tag={{ label: 'Leaver', colour: 'grey' }} />
              ) : (
                <Tag tag={{ label: 'Employed', colour: 'green' }} />
              )}
              {person.status === 'leaver' && person.leftOn ? ` Left the Trust on ${person.leftOn}` : ''}
            </>
          ),
        },
        {
          key: 'Accounts',
          value:
            byStatus.length === 0 ? (
              'None'
            ) : (
              <ul className="nhsuk-list tag-list">
                {byStatus.map(({ status, count }) => (
                  <li key={status}>
                    <Tag tag={ACCOUNT_STATUS_TAGS[status]} /> {count}
                  </li>
                ))}
              </ul>
            ),
        },
        { key: 'Employee number', value: person.employeeNumber ?? 'Not recorded' },
        {
          key: 'Job role and team',
          value:
            [person.jobRole, person.team, person.directorate].filter(Boolean).join(', ') || 'Not recorded',
          change,
        },
        {
          key: 'Employment',
          value: `${EMPLOYMENT_LABELS[person.employmentType]}${person.finishingDate ? `, finishing ${person.finishingDate}` : ''}`,
          change,
        },
        { key: 'Email', value: person.email ?? 'Not recorded', change },
        {
          key: 'Line manager',
          value: person.lineManager ? (
            <a href={`#/people/${person.lineManager.id}`}>{person.lineManager.name}</a>
          ) : (
            'Not recorded'
          ),
          change,
        },
        { key: 'Smartcard UUID', value: person.smartcardUuid ?? 'No smartcard recorded', change },
      ]}
    />
  );
}

const ACCOUNT_STATUS_TAGS_ORDER = ['active', 'pending', 'suspended', 'disabled', 'deleted'] as const;
