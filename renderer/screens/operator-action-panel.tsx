/**
 * The one action opened from a row of the Operators table (issue 12 §2-§3): below the table, set
 * apart, never squeezed into a column. Revoking removes access for good, so it says exactly what will
 * happen and its button is the design system's warning button.
 */
import { useState } from 'react';
import type { CatalogueSystem } from '../../shared/catalogue';
import type { Operator } from '../../shared/model';
import { api } from '../api/bridge';
import { ErrorAlert } from '../components/feedback';
import { Field } from '../components/field';
import { PanelHeading } from '../components/panel-heading';
import { ReasonForm } from '../components/reason-form';
import { useAction } from '../components/use-action';
import { ScopeForm } from './scope-form';

export type OperatorAction = 'revoke' | 'systems' | 'unlink-card';

function RevokeForm({ operator, done }: { operator: Operator; done: (message: string) => void }) {
  const [reason, setReason] = useState('');
  const { busy, run, fieldId, fieldError, summary } = useAction();
  const problems = summary(['reason']);
  return (
    <form
      aria-label={`Revoke ${operator.name}`}
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        const revoked = await run(() => api.operators.revoke({ id: operator.id, reason }));
        if (revoked)
          done(`${revoked.name} can no longer sign in. Their past actions stay in the audit trail.`);
      }}
    >
      <ErrorAlert message={problems.message} fieldErrors={problems.fieldErrors} />
      <ul className="nhsuk-list nhsuk-list--bullet" aria-label="What will happen">
        <li>{operator.name} can no longer sign in to Gatehouse, on any workstation.</li>
        <li>Their passphrase stops opening the store.</li>
        <li>Their past actions stay in the audit trail, in their name.</li>
        <li>This cannot be undone: to let them back, add them again.</li>
      </ul>
      <Field
        label={`Reason for revoking ${operator.name}`}
        id={fieldId('reason')}
        error={fieldError('reason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <button type="submit" className="nhsuk-button nhsuk-button--warning" disabled={busy}>
        Revoke {operator.name}
      </button>
    </form>
  );
}

const HEADINGS: Record<OperatorAction, (name: string) => string> = {
  revoke: (name) => `Revoke ${name}`,
  systems: (name) => `Change the systems ${name} administers`,
  'unlink-card': (name) => `Unlink ${name}’s smartcard`,
};

export function OperatorActionPanel({
  operator,
  action,
  systems,
  done,
  cancel,
}: {
  operator: Operator;
  action: OperatorAction;
  systems: CatalogueSystem[];
  done: (message: string) => void;
  cancel: () => void;
}) {
  return (
    <div className="action-panel">
      <PanelHeading>{HEADINGS[action](operator.name)}</PanelHeading>
      {action === 'revoke' ? <RevokeForm key={operator.id} operator={operator} done={done} /> : null}
      {action === 'systems' ? (
        <ScopeForm
          key={operator.id}
          operator={operator}
          systems={systems}
          onDone={(message) => (message ? done(message) : cancel())}
        />
      ) : null}
      {action === 'unlink-card' ? (
        <ReasonForm
          key={operator.id}
          formName={`Unlink ${operator.name}’s smartcard`}
          label="Why is the card unlinked?"
          action="Unlink smartcard"
          record={(reason) => api.operators.unlinkCard({ id: operator.id, reason })}
          done={done}
        />
      ) : null}
      <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={cancel}>
        Cancel
      </button>
    </div>
  );
}
