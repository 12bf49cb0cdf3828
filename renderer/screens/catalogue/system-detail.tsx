/** One system: its administrator, roles with prerequisites, settings and licence allocations. */
import { useState } from 'react';
import { PREREQUISITE_LABELS } from '../../../shared/catalogue';
import { api } from '../../api/bridge';
import { ErrorAlert, StatusMessage } from '../../components/feedback';
import { PageHeading } from '../../components/page-heading';
import { useQuery } from '../../components/use-query';
import { useAdministers, useCan } from '../../state/session-store';
import { availabilityText } from './catalogue-list';
import { LicenceEditor } from './licence-editor';
import { RolesEditor } from './roles-editor';
import { SystemEditForm } from './system-edit-form';
import { count } from '../../../shared/plural';

export function SystemDetailScreen({ id }: { id: string }) {
  const canEdit = useCan('catalogue:write');
  const administers = useAdministers();
  const system = useQuery(() => api.catalogue.get({ id }), id);
  const [saved, setSaved] = useState<string | null>(null);
  const s = system.value;
  if (!s) {
    return (
      <>
        <PageHeading>System</PageHeading>
        <ErrorAlert message={system.error} />
      </>
    );
  }
  return (
    <>
      <p>
        <a href="#/catalogue">Back to the catalogue</a>
      </p>
      <PageHeading>{s.name}</PageHeading>
      {saved ? <StatusMessage>{saved}</StatusMessage> : null}
      <p>{s.description}</p>
      <dl className="nhsuk-summary-list">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Administrator</dt>
          <dd className="nhsuk-summary-list__value">{s.administratorTitle}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Contact route</dt>
          <dd className="nhsuk-summary-list__value">{s.contactRoute}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Availability</dt>
          <dd className="nhsuk-summary-list__value">{availabilityText(s)}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Holds patient records</dt>
          <dd className="nhsuk-summary-list__value">{s.holdsPatientRecords ? 'Yes' : 'No'}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Accounts can be deleted</dt>
          <dd className="nhsuk-summary-list__value">
            {s.deletionAllowed ? 'Yes' : 'No: on de-registration accounts are flagged disabled (DIS-2)'}
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Direct care only</dt>
          <dd className="nhsuk-summary-list__value">
            {s.directCareOnly ? 'Yes: secondary uses such as research are refused (REG-9)' : 'No'}
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Inactivity period</dt>
          <dd className="nhsuk-summary-list__value">
            {count(s.inactivityDays, 'day')} without sign-in (SUS-2)
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Registration target</dt>
          <dd className="nhsuk-summary-list__value">
            {count(s.slaTargetDays, 'working day')}; interim standard {count(s.slaInterimDays, 'working day')}{' '}
            (REG-7)
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Local procedure</dt>
          <dd className="nhsuk-summary-list__value">
            {s.procedureLocation}
            {s.procedureReviewedOn ? `, reviewed ${s.procedureReviewedOn}` : ', review date not recorded'}
          </dd>
        </div>
      </dl>
      <h2>Roles offered</h2>
      <table className="nhsuk-table">
        <caption className="nhsuk-u-visually-hidden">Roles offered by {s.name}</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th scope="col" className="nhsuk-table__header">
              Role
            </th>
            <th scope="col" className="nhsuk-table__header">
              Needed before access is granted (REG-8)
            </th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {s.roles.map((role) => (
            <tr key={role.name} className="nhsuk-table__row">
              <th scope="row" className="nhsuk-table__header">
                {role.name}
              </th>
              <td className="nhsuk-table__cell">
                {role.prerequisites.length === 0
                  ? 'Nothing beyond authorisation'
                  : role.prerequisites.map((p) => PREREQUISITE_LABELS[p]).join('; ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Licence allocations</h2>
      {s.licenceAllocations.length === 0 ? (
        <p>No licence allocations are recorded for this system.</p>
      ) : (
        <ul>
          {s.licenceAllocations.map((a) => (
            <li key={`${a.organisation}-${a.year}`}>
              {a.organisation}, {a.year}: {count(a.allocation, 'licence')}
            </li>
          ))}
        </ul>
      )}
      {canEdit && administers(id) ? (
        <>
          <RolesEditor
            key={`roles-${system.revision}`}
            system={s}
            onSaved={(message) => {
              setSaved(message);
              system.reload();
            }}
          />
          <LicenceEditor
            key={`licences-${system.revision}`}
            system={s}
            onSaved={(message) => {
              setSaved(message);
              system.reload();
            }}
          />
        </>
      ) : null}
      {canEdit && administers(id) ? (
        <SystemEditForm
          key={`edit-${system.revision}`}
          system={s}
          onSaved={(name) => {
            setSaved(`${name} was updated.`);
            system.reload();
          }}
        />
      ) : null}
    </>
  );
}
