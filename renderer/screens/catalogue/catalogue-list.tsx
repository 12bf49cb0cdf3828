/**
 * The catalogue: every system, who administers it, and its key settings (CAT-1). A system that is
 * down says so under its name (the banner on every screen says it too); a column of "Available"
 * pushed the table past 1024 px (issue 12 §2).
 */
import type { CatalogueSystem } from '../../../shared/catalogue';
import { api } from '../../api/bridge';
import { ErrorAlert } from '../../components/feedback';
import { PageHeading } from '../../components/page-heading';
import { useQuery } from '../../components/use-query';
import { useCan } from '../../state/session-store';
import { BankHolidaysImport } from './bank-holidays-import';
import { count } from '../../../shared/plural';

export function availabilityText(system: CatalogueSystem): string {
  return system.availability.status === 'available' ? 'Available' : `Down (${system.availability.severity})`;
}

export function CatalogueListScreen() {
  const systems = useQuery(() => api.catalogue.list({}), 'catalogue');
  const canImport = useCan('catalogue:write');
  return (
    <>
      <PageHeading>Catalogue</PageHeading>
      <p>
        The systems of Appendix 1 of the access procedure, and Connecting Care. Choose a system to see its
        roles and settings.
      </p>
      <ErrorAlert message={systems.error} />
      <table className="nhsuk-table">
        <caption className="nhsuk-u-visually-hidden">Systems in the catalogue</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th scope="col" className="nhsuk-table__header">
              System
            </th>
            <th scope="col" className="nhsuk-table__header">
              Administrator
            </th>
            <th scope="col" className="nhsuk-table__header">
              Accounts can be deleted
            </th>
            <th scope="col" className="nhsuk-table__header">
              Inactivity period
            </th>
            <th scope="col" className="nhsuk-table__header">
              Registration target
            </th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {(systems.value ?? []).map((system) => (
            <tr key={system.id} className="nhsuk-table__row">
              <th scope="row" className="nhsuk-table__header">
                <a href={`#/catalogue/${system.id}`}>{system.name}</a>
                {system.availability.status === 'down' ? (
                  <span className="table-cell-detail">{availabilityText(system)}</span>
                ) : null}
              </th>
              <td className="nhsuk-table__cell">{system.administratorTitle}</td>
              <td className="nhsuk-table__cell">{system.deletionAllowed ? 'Yes' : 'No: flagged disabled'}</td>
              <td className="nhsuk-table__cell">{count(system.inactivityDays, 'day')}</td>
              <td className="nhsuk-table__cell">
                {count(system.slaTargetDays, 'working day')} (interim {system.slaInterimDays})
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {canImport ? <BankHolidaysImport /> : null}
    </>
  );
}
