/** Edit the roles a system offers (REG-3) and what each needs first (REG-8). */
import { useState } from 'react';
import {
  type CatalogueSystem,
  PREREQUISITE_LABELS,
  PREREQUISITES,
  type SystemRole,
} from '../../../shared/catalogue';
import { api } from '../../api/bridge';
import { ErrorAlert } from '../../components/feedback';
import { useAction } from '../../components/use-action';

export function RolesEditor({
  system,
  onSaved,
}: {
  system: CatalogueSystem;
  onSaved: (message: string) => void;
}) {
  const [roles, setRoles] = useState<SystemRole[]>(system.roles);
  const { busy, error, run } = useAction();
  const update = (index: number, role: SystemRole) => setRoles(roles.map((r, i) => (i === index ? role : r)));
  return (
    <section aria-labelledby="roles-editor-heading" className="action-form">
      <h2 id="roles-editor-heading">Change roles and prerequisites</h2>
      <ErrorAlert message={error} />
      {roles.map((role, index) => (
        <fieldset key={index}>
          <legend>Role {index + 1}</legend>
          <label htmlFor={`role-name-${index}`}>Name of role {index + 1}</label>
          <input
            id={`role-name-${index}`}
            value={role.name}
            onChange={(e) => update(index, { ...role, name: e.target.value })}
          />
          {PREREQUISITES.map((p) => (
            <div className="nhsuk-checkboxes__item" key={p}>
              <input
                className="nhsuk-checkboxes__input"
                id={`role-${index}-${p}`}
                type="checkbox"
                checked={role.prerequisites.includes(p)}
                onChange={() =>
                  update(index, {
                    ...role,
                    prerequisites: role.prerequisites.includes(p)
                      ? role.prerequisites.filter((x) => x !== p)
                      : [...role.prerequisites, p],
                  })
                }
              />
              <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`role-${index}-${p}`}>
                Needs: {PREREQUISITE_LABELS[p]}
              </label>
            </div>
          ))}
          <button
            type="button"
            className="nhsuk-button nhsuk-button--small nhsuk-button--secondary"
            onClick={() => setRoles(roles.filter((_, i) => i !== index))}
          >
            Remove role {index + 1}
          </button>
        </fieldset>
      ))}
      <div className="button-row">
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary"
          onClick={() => setRoles([...roles, { name: '', prerequisites: [] }])}
        >
          Add a role
        </button>
        <button
          type="button"
          className="nhsuk-button"
          disabled={busy}
          onClick={() =>
            void run(() => api.catalogue.update({ id: system.id, changes: { roles } })).then(
              (saved) => saved && onSaved(`${saved.name}’s roles were saved.`),
            )
          }
        >
          Save roles
        </button>
      </div>
    </section>
  );
}
