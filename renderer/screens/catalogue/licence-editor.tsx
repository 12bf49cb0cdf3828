/** Licence allocations per organisation per year (REG-10). */
import { useState } from 'react';
import type { CatalogueSystem } from '../../../shared/catalogue';
import { api } from '../../api/bridge';
import { ErrorAlert } from '../../components/feedback';
import { useAction } from '../../components/use-action';

interface Row {
  organisation: string;
  year: string;
  allocation: string;
}

export function LicenceEditor({
  system,
  onSaved,
}: {
  system: CatalogueSystem;
  onSaved: (message: string) => void;
}) {
  const [rows, setRows] = useState<Row[]>(
    system.licenceAllocations.map((a) => ({
      organisation: a.organisation,
      year: String(a.year),
      allocation: String(a.allocation),
    })),
  );
  const { busy, error, run } = useAction();
  const update = (index: number, row: Row) => setRows(rows.map((r, i) => (i === index ? row : r)));
  const save = () =>
    void run(() =>
      api.catalogue.update({
        id: system.id,
        changes: {
          licenceAllocations: rows.map((r) => ({
            organisation: r.organisation,
            year: Number(r.year),
            allocation: Number(r.allocation),
          })),
        },
      }),
    ).then((saved) => saved && onSaved(`${saved.name}’s licence allocations were saved.`));
  return (
    <section aria-labelledby="licence-editor-heading" className="action-form">
      <h2 id="licence-editor-heading">Change licence allocations</h2>
      <ErrorAlert message={error} />
      {rows.map((row, index) => (
        <fieldset key={index} className="inline-fields">
          <legend>Allocation {index + 1}</legend>
          <label htmlFor={`org-${index}`}>Organisation</label>
          <input
            id={`org-${index}`}
            value={row.organisation}
            onChange={(e) => update(index, { ...row, organisation: e.target.value })}
          />
          <label htmlFor={`year-${index}`}>Year</label>
          <input
            id={`year-${index}`}
            inputMode="numeric"
            value={row.year}
            onChange={(e) => update(index, { ...row, year: e.target.value })}
          />
          <label htmlFor={`allocation-${index}`}>Licences</label>
          <input
            id={`allocation-${index}`}
            inputMode="numeric"
            value={row.allocation}
            onChange={(e) => update(index, { ...row, allocation: e.target.value })}
          />
          <button
            type="button"
            className="nhsuk-button nhsuk-button--small nhsuk-button--secondary"
            onClick={() => setRows(rows.filter((_, i) => i !== index))}
          >
            Remove allocation {index + 1}
          </button>
        </fieldset>
      ))}
      <div className="button-row">
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary"
          onClick={() =>
            setRows([...rows, { organisation: '', year: String(new Date().getFullYear()), allocation: '' }])
          }
        >
          Add an allocation
        </button>
        <button type="button" className="nhsuk-button" disabled={busy} onClick={save}>
          Save allocations
        </button>
      </div>
    </section>
  );
}
