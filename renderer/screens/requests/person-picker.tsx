/**
 * Choose a person from the register: search, then pick from the matches. Each Choose button names
 * the person uniquely (name, team, employee number) for screen readers; after a choice, focus moves
 * to what was chosen, never to the page body (issue 12 §6).
 */
import { useEffect, useRef, useState } from 'react';
import type { PersonSummary } from '../../../shared/register';
import { api } from '../../api/bridge';
import { Field } from '../../components/field';
import { useQuery } from '../../components/use-query';

export function PersonPicker({
  chosen,
  onChoose,
  label = 'Person',
  id,
  error,
}: {
  chosen: PersonSummary | null;
  onChoose: (person: PersonSummary | null) => void;
  label?: string;
  /** The search input's id, for an error summary's link. */
  id?: string;
  error?: string | null;
}) {
  const [query, setQuery] = useState('');
  const chosenRef = useRef<HTMLParagraphElement>(null);
  const searchRef = useRef<HTMLFieldSetElement>(null);
  const moved = useRef(false);
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    if (chosen) chosenRef.current?.focus();
    else searchRef.current?.querySelector('input')?.focus();
  }, [chosen]);
  const choose = (person: PersonSummary | null) => {
    moved.current = true;
    onChoose(person);
  };
  const matches = useQuery(() => api.people.search({ query, limit: 8 }), query);
  if (chosen) {
    return (
      <div className="nhsuk-form-group">
        <p className="chosen" tabIndex={-1} ref={chosenRef}>
          {label}: <strong>{chosen.name}</strong>
          {chosen.employeeNumber ? ` (employee ${chosen.employeeNumber})` : ''}
        </p>
        <button
          type="button"
          className="nhsuk-button nhsuk-button--small nhsuk-button--secondary"
          onClick={() => choose(null)}
        >
          Choose someone else
        </button>
      </div>
    );
  }
  return (
    <fieldset className="nhsuk-fieldset picker" ref={searchRef}>
      <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{label}</legend>
      <Field
        id={id}
        error={error}
        label={label === 'Person' ? 'Find the person' : `Find the ${label.toLowerCase()}`}
        hint="Name, employee number, smartcard UUID or username"
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        autoComplete="off"
      />
      {query.trim() !== '' ? (
        <ul className="picker-results" aria-label={`Matching people for ${label.toLowerCase()}`}>
          {(matches.value?.results ?? []).map((person) => (
            <li key={person.id}>
              <button
                type="button"
                className="nhsuk-button nhsuk-button--small nhsuk-button--secondary"
                onClick={() => choose(person)}
                aria-label={['Choose ' + person.name, person.team, person.employeeNumber]
                  .filter(Boolean)
                  .join(', ')}
              >
                Choose {person.name}
              </button>{' '}
              {[person.employeeNumber, person.jobRole, person.team].filter(Boolean).join(' · ')}
            </li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}
