/** Add an operator: name, role and a first passphrase the new operator then changes. */
import { type FormEvent, useState } from 'react';
import type { Operator } from '../../shared/model';
import { ROLE_LABELS, ROLES, type Role } from '../../shared/permissions';
import { checkPassphrase } from '../../shared/policy/passphrase';
import { api } from '../api/bridge';
import { Field } from '../components/field';
import { SelectField } from '../components/select-field';
import { ErrorAlert } from '../components/feedback';
import { useAction } from '../components/use-action';
import { useQuery } from '../components/use-query';
import { SystemScopePicker } from './system-scope-picker';

export function AddOperatorForm({ onAdded }: { onAdded: (operator: Operator) => void }) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('ra-officer');
  const [passphrase, setPassphrase] = useState('');
  const [systems, setSystems] = useState<string[]>([]);
  const catalogue = useQuery(() => api.catalogue.list({}), 'systems');
  const { busy, error, setError, run } = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const check = checkPassphrase(passphrase, name, 'new-operator');
    if (name.trim() === '') return setError('Enter the new operator’s name.');
    if (!check.ok) return setError(check.problems.join(' '));
    const operator = await run(() =>
      api.operators.add({ name, role, passphrase, systems: role === 'administrator' ? systems : [] }),
    );
    if (operator) {
      setName('');
      setPassphrase('');
      onAdded(operator);
    }
  }

  return (
    <section aria-labelledby="add-operator-heading">
      <h2 id="add-operator-heading">Add an operator</h2>
      <ErrorAlert message={error} />
      <form onSubmit={submit} noValidate>
        <Field
          label="Name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          autoComplete="off"
          required
        />
        <SelectField
          label="Role"
          value={role}
          options={ROLES.map((r) => [r, ROLE_LABELS[r]] as const)}
          onChange={setRole}
        />
        {role === 'administrator' ? (
          <SystemScopePicker
            systems={catalogue.value ?? []}
            chosen={systems}
            onChange={setSystems}
            idPrefix="new-operator"
          />
        ) : null}
        <Field
          label="First passphrase"
          type="password"
          autoComplete="new-password"
          hint="At least 12 characters. Give it to them in person; they can change it in Settings."
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
          required
        />
        <button type="submit" className="nhsuk-button" disabled={busy}>
          Add operator
        </button>
      </form>
    </section>
  );
}
