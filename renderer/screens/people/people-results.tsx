/**
 * Search results as a virtualised list: only the rows in view are in the DOM, so it stays smooth with
 * 50,000 people. Further pages are fetched as the operator scrolls towards the end.
 *
 * Keyboard (issue 12 §6): the list is a listbox, one Tab stop. Up and Down (and Home, End, Page Up,
 * Page Down) move through the people, Enter opens the one chosen; Tab leaves the list, so "Add a
 * person" is one Tab away however long the list is.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import type { PersonSummary } from '../../../shared/register';
import { navigate } from '../../routing/use-hash-route';

const ROW_HEIGHT = 64;
const PAGE = 6;

function describe(person: PersonSummary): string {
  return [
    person.employeeNumber ? `Employee ${person.employeeNumber}` : null,
    person.jobRole,
    person.team,
    person.status === 'leaver' ? 'Leaver' : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

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
  const idPrefix = useId();
  const [active, setActive] = useState(0);
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
  const current = Math.min(active, Math.max(people.length - 1, 0));

  useEffect(() => {
    if (people.length < total && last >= people.length - 20) onNeedMore();
  }, [last, people.length, total, onNeedMore]);

  function onKeyDown(event: KeyboardEvent) {
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      PageDown: current + PAGE,
      PageUp: current - PAGE,
      Home: 0,
      End: people.length - 1,
    };
    if (event.key === 'Enter' && people[current]) {
      event.preventDefault();
      navigate(`/people/${people[current].id}`);
      return;
    }
    const next = moves[event.key];
    if (next === undefined || people.length === 0) return;
    event.preventDefault();
    const index = Math.max(0, Math.min(people.length - 1, next));
    setActive(index);
    virtualizer.scrollToIndex(index, { align: 'auto' });
  }

  return (
    <div ref={scroller} className="results-scroller">
      <div
        className="results"
        role="listbox"
        aria-label="People found"
        tabIndex={0}
        aria-activedescendant={people.length ? `${idPrefix}-${current}` : undefined}
        onKeyDown={onKeyDown}
        style={{ height: virtualizer.getTotalSize() }}
      >
        {items.map((item) => {
          const person = people[item.index]!;
          return (
            // The listbox owns the keys (aria-activedescendant): an option is never a Tab stop.
            // eslint-disable-next-line jsx-a11y/click-events-have-key-events
            <div
              key={person.id}
              tabIndex={-1}
              id={`${idPrefix}-${item.index}`}
              role="option"
              aria-selected={item.index === current}
              className={item.index === current ? 'result result--active' : 'result'}
              aria-setsize={total}
              aria-posinset={item.index + 1}
              onClick={() => navigate(`/people/${person.id}`)}
              style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
            >
              <span className="result-name">{person.name}</span>
              <span className="result-detail">{describe(person)}</span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
