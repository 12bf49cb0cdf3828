/** Main-side enforcement of the passphrase rules the forms also show. */
import { checkPassphrase } from '../../shared/policy/passphrase';
import { GatehouseError } from '../store/errors';

export function requireStrongPassphrase(
  passphrase: string,
  name: string,
  whose: 'own' | 'new-operator' = 'own',
): void {
  const check = checkPassphrase(passphrase, name, whose);
  if (!check.ok) throw new GatehouseError('WEAK_PASSPHRASE', check.problems.join(' '));
}
