/**
 * The parts of a person's record the operator moves between (issue 12 §2): each is its own
 * sub-page (#/people/<id>/<part>), shown as the design system's tabs.
 */
export const RECORD_PARTS = ['accounts', 'requests', 'suspensions', 'history'] as const;
export const ACTION_PARTS = ['details', 'mover', 'leaver'] as const;
export type RecordPart = (typeof RECORD_PARTS)[number] | (typeof ACTION_PARTS)[number];

const PART_LABELS: Record<(typeof RECORD_PARTS)[number], string> = {
  accounts: 'Accounts',
  requests: 'Requests and tasks',
  suspensions: 'Suspensions',
  history: 'History',
};

export function parsePart(value: string | undefined): RecordPart {
  const all: readonly string[] = [...RECORD_PARTS, ...ACTION_PARTS];
  return value && all.includes(value) ? (value as RecordPart) : 'accounts';
}

export function partPath(personId: string, part: RecordPart): string {
  return `#/people/${encodeURIComponent(personId)}${part === 'accounts' ? '' : `/${part}`}`;
}

export function PartsNav({
  personId,
  current,
  counts,
}: {
  personId: string;
  current: RecordPart;
  counts: Partial<Record<RecordPart, number>>;
}) {
  return (
    <nav className="nhsuk-tabs" aria-label="Parts of the record">
      <ul className="nhsuk-tabs__list">
        {RECORD_PARTS.map((part) => (
          <li
            key={part}
            className={
              part === current
                ? 'nhsuk-tabs__list-item nhsuk-tabs__list-item--selected'
                : 'nhsuk-tabs__list-item'
            }
          >
            <a
              className="nhsuk-tabs__tab"
              href={partPath(personId, part)}
              aria-current={part === current ? 'page' : undefined}
            >
              {PART_LABELS[part]}
              {counts[part] !== undefined ? ` (${counts[part]})` : ''}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
