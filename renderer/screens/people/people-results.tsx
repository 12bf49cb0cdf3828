/**
 * Search results as a virtualised list: only the rows in view are in the DOM, so it stays smooth with
 * 50,000 people. Further pages are fetched as the operator scrolls towards the end.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { PersonSummary } from '../../../shared/register';

const ROW_HEIGHT = 64;

export function PeopleResults({
  people,
  total,
  onNeedMore,
}: {
  people: PersonSummary[];
  total: number;
  onNeedMore: () => void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  // TanStack Virtual returns functions the React Compiler cannot memoise; this component opts out.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: people.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const last = items.at(-1)?.index ?? 0;

  useEffect(() => {
    if (people.length < total && last >= people.length - 20) onNeedMore();
  }, [last, people.length, total, onNeedMore]);

  return (
    <div ref={scroller} className="results-scroller" tabIndex={-1}>
      <ul className="results" aria-label="People found" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const person = people[item.index]!;
          return (
            <li
              key={person.id}
              className="result"
              aria-setsize={total}
              aria-posinset={item.index + 1}
              style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
            >
              <a href={`#/people/${person.id}`}>{person.name}</a>
              <span className="result-detail">
                {[
                  person.employeeNumber ? `Employee ${person.employeeNumber}` : null,
                  person.jobRole,
                  person.team,
                  person.status === 'leaver' ? 'Leaver' : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
