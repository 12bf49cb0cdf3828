/**
 * What de-registering each account will do (DIS-1, DIS-2), from the catalogue's deletion setting:
 * the confirmation names it before the operator commits.
 */
import { deregistrationOutcome, OUTCOME_WORDS } from '../../../shared/access-changes';
import type { Account } from '../../../shared/register';
import { api } from '../../api/bridge';
import { useQuery } from '../../components/use-query';

export function useDeregistrationOutcomes(): (account: Account) => string {
  const systems = useQuery(() => api.catalogue.list({}), 'catalogue');
  return (account) => {
    const system = systems.value?.find((s) => s.id === account.systemId);
    const status = account.status === 'pending' || account.status === 'suspended' ? account.status : 'active';
    if (!system && status !== 'pending') return 'de-registered';
    const outcome = deregistrationOutcome(status, system?.deletionAllowed ?? false);
    return OUTCOME_WORDS[outcome];
  };
}
