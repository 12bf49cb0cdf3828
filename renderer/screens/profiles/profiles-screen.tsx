/**
 * Access profiles (issue 13 §1): which accounts each position needs. Administrators of the systems a
 * profile names keep it; everyone who may read the catalogue sees them. Import and export as CSV.
 */
import { useId, useState } from 'react';
import { type AccessProfile, describePosition, POSITION_FIELDS } from '../../../shared/access-profiles';
import { api } from '../../api/bridge';
import { downloadTextFile } from '../../components/download';
import { ErrorAlert, StatusMessage } from '../../components/feedback';
import { PageHeading } from '../../components/page-heading';
import { PanelHeading } from '../../components/panel-heading';
import { useAction } from '../../components/use-action';
import { useQuery } from '../../components/use-query';
import { useCan } from '../../state/session-store';
import { ProfileForm } from './profile-form';
import { count } from '../../../shared/plural';

export function ProfilesScreen() {
  const canWrite = useCan('catalogue:write');
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState<AccessProfile | 'new' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  // Removing a profile cannot be undone (issue 12 §3): it asks first, naming what stops.
  const [removing, setRemoving] = useState<AccessProfile | null>(null);
  const profiles = useQuery(() => api.profiles.list({}), `profiles:${version}`);
  const { busy, error, run } = useAction();
  const fileId = useId();
  const changed = (text: string) => {
    setMessage(text);
    setEditing(null);
    setRemoving(null);
    setVersion((v) => v + 1);
  };

  async function importFile(file: File | undefined) {
    if (!file) return;
    const result = await run(async () =>
      api.profiles.import({ fileName: file.name, content: await file.text() }),
    );
    if (result)
      changed(
        `Imported ${file.name}: ${count(result.added, 'profile')} added, ${result.replaced} replaced, ${result.unchanged} unchanged.`,
      );
  }

  async function exportAll() {
    const file = await run(() => api.profiles.export({}));
    if (file) downloadTextFile({ ...file, mimeType: 'text/csv;charset=utf-8' });
  }

  async function remove(profile: AccessProfile) {
    const result = await run(() => api.profiles.delete({ id: profile.id }));
    if (result) changed(result.summary);
  }

  return (
    <>
      <PageHeading>Access profiles</PageHeading>
      <p>
        The accounts each position needs. A starter, and a person added by hand, get one request per account
        their position’s profiles propose; where several profiles match, the most specific one decides each
        system. A blank field matches any value.
      </p>
      <ErrorAlert message={error ?? profiles.error} />
      {message ? <StatusMessage>{message}</StatusMessage> : null}
      {removing ? (
        <section
          className="action-panel"
          aria-label={`Remove the profile for ${describePosition(removing.position)}`}
        >
          <PanelHeading>{`Remove the profile for ${describePosition(removing.position)}?`}</PanelHeading>
          <ul className="nhsuk-list nhsuk-list--bullet" aria-label="What will happen">
            <li>
              Starters and movers in this position are no longer proposed{' '}
              {removing.accounts.map((a) => `${a.systemName} (${a.role})`).join(', ')}, unless another profile
              proposes them.
            </li>
            <li>Accounts people already hold are not changed.</li>
            <li>
              This cannot be undone: the profile would have to be added again. The audit trail keeps it as it
              was.
            </li>
          </ul>
          <div className="nhsuk-button-group">
            <button
              type="button"
              className="nhsuk-button nhsuk-button--warning"
              disabled={busy}
              onClick={() => void remove(removing)}
            >
              Remove profile
            </button>
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary"
              onClick={() => setRemoving(null)}
            >
              Cancel
            </button>
          </div>
        </section>
      ) : null}
      {editing ? (
        <ProfileForm
          key={editing === 'new' ? 'new' : editing.id}
          profile={editing === 'new' ? null : editing}
          done={changed}
          cancel={() => setEditing(null)}
        />
      ) : canWrite ? (
        <p>
          <button type="button" className="nhsuk-button" onClick={() => setEditing('new')}>
            Add an access profile
          </button>
        </p>
      ) : null}
      <table className="nhsuk-table">
        <caption className="nhsuk-u-visually-hidden">Access profiles</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th scope="col" className="nhsuk-table__header">
              Job role
            </th>
            <th scope="col" className="nhsuk-table__header">
              Team
            </th>
            <th scope="col" className="nhsuk-table__header">
              Directorate
            </th>
            <th scope="col" className="nhsuk-table__header">
              Organisation
            </th>
            <th scope="col" className="nhsuk-table__header">
              Accounts proposed
            </th>
            {canWrite ? (
              <th scope="col" className="nhsuk-table__header">
                Actions
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {(profiles.value ?? []).map((profile) => (
            <tr className="nhsuk-table__row" key={profile.id}>
              {POSITION_FIELDS.map((f) => (
                <td className="nhsuk-table__cell" key={f}>
                  {profile.position[f] ?? 'Any'}
                </td>
              ))}
              <td className="nhsuk-table__cell">
                <ul>
                  {profile.accounts.map((a) => (
                    <li key={a.systemId}>
                      {a.systemName}: {a.role}
                    </li>
                  ))}
                </ul>
              </td>
              {canWrite ? (
                <td className="nhsuk-table__cell">
                  <button
                    type="button"
                    className="nhsuk-button nhsuk-button--small nhsuk-button--secondary"
                    onClick={() => {
                      setRemoving(null);
                      setEditing(profile);
                    }}
                    aria-label={`Change the profile for ${describePosition(profile.position)}`}
                  >
                    Change
                  </button>
                  <button
                    type="button"
                    className="nhsuk-button nhsuk-button--small nhsuk-button--secondary"
                    disabled={busy}
                    onClick={() => {
                      setEditing(null);
                      setMessage(null);
                      setRemoving(profile);
                    }}
                    aria-label={`Remove the profile for ${describePosition(profile.position)}`}
                  >
                    Remove
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {profiles.value?.length === 0 ? <p>No access profiles yet.</p> : null}
      <section aria-labelledby="profiles-file-heading" className="action-form">
        <h2 id="profiles-file-heading">Spreadsheet</h2>
        <p>
          Columns: Job role, Team, Directorate, Organisation, System, Role and, optionally, Purpose; one row
          per account. An import is all or nothing: each position in the file replaces its profile.
        </p>
        <p>
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            disabled={busy}
            onClick={() => void exportAll()}
          >
            Export profiles (CSV)
          </button>
        </p>
        {canWrite ? (
          <>
            <label htmlFor={fileId}>Import profiles from a CSV file</label>
            <input
              id={fileId}
              type="file"
              accept=".csv,text/csv"
              disabled={busy}
              onChange={(e) => void importFile(e.target.files?.[0])}
            />
          </>
        ) : null}
      </section>
    </>
  );
}
