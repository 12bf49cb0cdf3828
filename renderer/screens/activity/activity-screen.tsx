/**
 * Sign-in activity (SUS-2): import a system's own export of last sign-in dates, and deal with the
 * orphan accounts it turns up (usernames the register does not know).
 */
import { useId, useState } from 'react';
import { api } from '../../api/bridge';
import { ErrorAlert, StatusMessage } from '../../components/feedback';
import { Field } from '../../components/field';
import { PageHeading } from '../../components/page-heading';
import { SelectField } from '../../components/select-field';
import { useAction } from '../../components/use-action';
import { useQuery } from '../../components/use-query';
import { WorkInProgress } from '../../components/work-in-progress';
import { OrphanRow } from './orphan-row';
import { count } from '../../../shared/plural';

export function ActivityScreen() {
  const fileId = useId();
  const systems = useQuery(() => api.catalogue.list({}), 'systems');
  const [systemId, setSystemId] = useState('');
  const [columns, setColumns] = useState({ username: '', date: '' });
  const [version, setVersion] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const orphans = useQuery(() => api.activity.orphans({}), `orphans-${version}`);
  const { busy, error, setError, run } = useAction();

  async function importFile(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    setMessage(null);
    if (!systemId) {
      input.value = '';
      return setError('Choose the system the export comes from first.');
    }
    const mapping = columns.username && columns.date ? columns : undefined;
    const content = await file.text();
    const result = await run(() => api.activity.import({ systemId, fileName: file.name, content, mapping }));
    input.value = '';
    if (!result) return;
    setMessage(
      `Updated the last sign-in of ${count(result.updated, 'account')} (${result.unchanged} unchanged) from ${file.name}, ` +
        `reading the columns "${result.mapping.username}" and "${result.mapping.date}" (saved for next time). ` +
        `${result.orphans.length} usernames are not in the register.` +
        // What the file held besides accounts (a report title, a total), so nothing is skipped unseen.
        result.notes.map((note) => ` ${note}`).join(''),
    );
    setVersion((v) => v + 1);
  }

  return (
    <>
      <PageHeading>Sign-in activity</PageHeading>
      <p>
        Import each system’s own export of last sign-in dates. Gatehouse records the date against each account
        it knows; an older file never winds a date back. The inactivity review works from these dates (SUS-2).
      </p>
      <ErrorAlert message={error} />
      {message ? <StatusMessage>{message}</StatusMessage> : null}
      <SelectField
        label="System the export comes from"
        value={systemId}
        placeholder="Choose a system"
        options={(systems.value ?? []).map((s) => [s.id, s.name] as const)}
        onChange={setSystemId}
      />
      <details>
        <summary>Column names (only the first time, if Gatehouse cannot tell)</summary>
        <Field
          label="Username column"
          value={columns.username}
          onChange={(e) => setColumns({ ...columns, username: e.target.value })}
        />
        <Field
          label="Last sign-in column"
          value={columns.date}
          onChange={(e) => setColumns({ ...columns, date: e.target.value })}
        />
      </details>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor={fileId}>
          Last sign-in export
        </label>
        <input
          id={fileId}
          type="file"
          accept=".csv,text/csv"
          disabled={busy}
          onChange={(e) => void importFile(e.target)}
        />
      </div>
      {/* No cancel: the import is one transaction in main, which lands whole or not at all. */}
      {busy ? <WorkInProgress label="Importing the export…" /> : null}
      <section aria-labelledby="orphans-heading">
        <h2 id="orphans-heading">Orphan accounts ({orphans.value?.length ?? 0})</h2>
        <p>
          Accounts a system lists that the register does not know: link each to its holder, or have it
          removed.
        </p>
        {orphans.value?.length === 0 ? <p>No orphan accounts to deal with.</p> : null}
        <ul className="plain-list">
          {orphans.value?.map((o) => (
            <OrphanRow
              key={`${o.systemId}/${o.username}`}
              orphan={o}
              done={(summary) => {
                setMessage(summary);
                setVersion((v) => v + 1);
              }}
            />
          ))}
        </ul>
      </section>
    </>
  );
}
