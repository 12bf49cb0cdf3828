/** Choose the systems an operator administers; none chosen means every system. */
import type { CatalogueSystem } from '../../shared/catalogue';

export function SystemScopePicker({
  systems,
  chosen,
  onChange,
  idPrefix,
}: {
  systems: CatalogueSystem[];
  chosen: string[];
  onChange: (ids: string[]) => void;
  idPrefix: string;
}) {
  return (
    <fieldset className="scope-picker">
      <legend>Systems they administer</legend>
      <p className="nhsuk-hint">Leave all unticked for an administrator of every system.</p>
      {systems.map((system) => (
        <div className="nhsuk-checkboxes__item" key={system.id}>
          <input
            className="nhsuk-checkboxes__input"
            id={`${idPrefix}-${system.id}`}
            type="checkbox"
            checked={chosen.includes(system.id)}
            onChange={() =>
              onChange(
                chosen.includes(system.id) ? chosen.filter((id) => id !== system.id) : [...chosen, system.id],
              )
            }
          />
          <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`${idPrefix}-${system.id}`}>
            {system.name}
          </label>
        </div>
      ))}
    </fieldset>
  );
}
