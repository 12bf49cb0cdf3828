/** The catalogue: every system, who administers it, and its key settings (CAT-1). */
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
      <table>
        <caption className="visually-hidden">Systems in the catalogue</caption>
        <thead>
          <tr>
            <th scope="col">System</th>
            <th scope="col">Administrator</th>
            <th scope="col">Accounts can be deleted</th>
            <th scope="col">Inactivity period</th>
            <th scope="col">Registration target</th>
            <th scope="col">Availability</th>
          </tr>
        </thead>
        <tbody>
          {(systems.value ?? []).map((system) => (
            <tr key={system.id}>
              <th scope="row">
                <a href={`#/catalogue/${system.id}`}>{system.name}</a>
              </th>
              <td>{system.administratorTitle}</td>
              <td>{system.deletionAllowed ? 'Yes' : 'No: flagged disabled'}</td>
              <td>{count(system.inactivityDays, 'day')}</td>
              <td>
                {count(system.slaTargetDays, 'working day')} (interim {system.slaInterimDays})
              </td>
              <td>{availabilityText(system)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {canImport ? <BankHolidaysImport /> : null}
    </>
  );
}
