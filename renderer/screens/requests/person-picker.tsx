/** Choose a person from the register: search, then pick from the matches. */
import { useState } from 'react';
import type { PersonSummary } from '../../../shared/register';
import { api } from '../../api/bridge';
import { Field } from '../../components/field';
import { useQuery } from '../../components/use-query';

export function PersonPicker({
  chosen,
  onChoose,
  label = 'Person',
}: {
  chosen: PersonSummary | null;
  onChoose: (person: PersonSummary | null) => void;
  label?: string;
}) {
  const [query, setQuery] = useState('');
  const matches = useQuery(() => api.people.search({ query, limit: 8 }), query);
  if (chosen) {
    return (
      <div className="nhsuk-form-group">
        <p className="chosen">
          {label}: <strong>{chosen.name}</strong>
          {chosen.employeeNumber ? ` (employee ${chosen.employeeNumber})` : ''}
        </p>
        <button
          type="button"
          className="nhsuk-button nhsuk-button--small nhsuk-button--secondary"
          onClick={() => onChoose(null)}
        >
          Choose someone else
        </button>
      </div>
    );
  }
  return (
    <fieldset className="picker">
      <legend>{label}</legend>
      <Field
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
                onClick={() => onChoose(person)}
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
