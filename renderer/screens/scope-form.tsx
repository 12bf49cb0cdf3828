/** Change which systems an administrator administers (from their next sign-in). */
import { useState } from 'react';
import type { CatalogueSystem } from '../../shared/catalogue';
import type { Operator } from '../../shared/model';
import { count } from '../../shared/plural';
import { api } from '../api/bridge';
import { ErrorAlert } from '../components/feedback';
import { useAction } from '../components/use-action';
import { SystemScopePicker } from './system-scope-picker';

export function ScopeForm({
  operator,
  systems,
  onDone,
}: {
  operator: Operator;
  systems: CatalogueSystem[];
  onDone: (message: string | null) => void;
}) {
  const [chosen, setChosen] = useState(operator.systems);
  const { busy, error, run } = useAction();
  return (
    <form
      className="inline-form"
      aria-label={`Systems ${operator.name} administers`}
      onSubmit={async (event) => {
        event.preventDefault();
        const saved = await run(() => api.operators.setSystems({ id: operator.id, systems: chosen }));
        if (saved)
          onDone(
            `${saved.name} now administers ${saved.systems.length === 0 ? 'every system' : count(saved.systems.length, 'system')}, from their next sign-in.`,
          );
      }}
    >
      <ErrorAlert message={error} />
      <SystemScopePicker
        systems={systems}
        chosen={chosen}
        onChange={setChosen}
        idPrefix={`scope-${operator.id}`}
      />
      <div className="button-row">
        <button type="submit" className="nhsuk-button" disabled={busy}>
          Save systems
        </button>
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
