/** People: search the register as you type; add a person (people:write). */
import { useCallback, useRef, useState } from 'react';
import type { PersonSummary } from '../../../shared/register';
import { api } from '../../api/bridge';
import { Field } from '../../components/field';
import { ErrorAlert } from '../../components/feedback';
import { PageHeading } from '../../components/page-heading';
import { useQuery } from '../../components/use-query';
import { useCan } from '../../state/session-store';
import { AddPersonForm } from './add-person-form';
import { PeopleResults } from './people-results';

const PAGE = 200;

export function PeopleScreen() {
  const canWrite = useCan('people:write');
  const [query, setQuery] = useState('');
  const first = useQuery(() => api.people.search({ query, limit: PAGE }), query);
  const [more, setMore] = useState<{ query: string; people: PersonSummary[] }>({ query: '', people: [] });
  const people = [...(first.value?.results ?? []), ...(more.query === query ? more.people : [])];
  const total = first.value?.total ?? 0;
  const count = people.length;
  const inFlight = useRef(false);

  const loadMore = useCallback(() => {
    if (inFlight.current) return;
    inFlight.current = true;
    void api.people.search({ query, offset: count, limit: PAGE }).then((page) => {
      inFlight.current = false;
      if (!page.ok) return;
      setMore((current) => ({
        query,
        people: [...(current.query === query ? current.people : []), ...page.value.results],
      }));
    });
  }, [query, count]);

  return (
    <>
      <PageHeading>People</PageHeading>
      <div role="search">
        <Field
          label="Search people"
          hint="Name, employee number, smartcard UUID or username"
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          autoComplete="off"
        />
      </div>
      <ErrorAlert message={first.error} />
      <p role="status" className="result-count">
        {first.loading
          ? 'Searching…'
          : `${total.toLocaleString('en-GB')} ${total === 1 ? 'person' : 'people'} found`}
      </p>
      <PeopleResults people={people} total={total} onNeedMore={loadMore} />
      {canWrite ? (
        <AddPersonForm onAdded={(person) => (window.location.hash = `#/people/${person.id}`)} />
      ) : null}
    </>
  );
}
