/**
 * The line manager's authorisation as every form records it (REG-2): who, when, and how. One
 * component, so the request's own form and the "one authorisation for all" panel ask alike.
 */
import { AUTHORISATION_ROUTES, ROUTE_LABELS } from '../../shared/requests';
import { Field } from './field';
import { DateInput } from './nhs/date-input';
import { SelectField } from './select-field';

export type AuthorisationRoute = (typeof AUTHORISATION_ROUTES)[number];
export interface Authorisation {
  by: string;
  on: string;
  how: AuthorisationRoute;
}

export const NO_AUTHORISATION: Authorisation = { by: '', on: '', how: 'email' };

export function AuthorisationFields({
  value,
  onChange,
  byLabel = 'Authorised by',
}: {
  value: Authorisation;
  onChange: (next: Authorisation) => void;
  byLabel?: string;
}) {
  return (
    <>
      <Field label={byLabel} value={value.by} onChange={(e) => onChange({ ...value, by: e.target.value })} />
      <DateInput label="Authorised on" value={value.on} onChange={(on) => onChange({ ...value, on })} />
      <SelectField
        label="How it was authorised"
        value={value.how}
        options={AUTHORISATION_ROUTES.map((r) => [r, ROUTE_LABELS[r]] as const)}
        onChange={(how) => onChange({ ...value, how })}
      />
    </>
  );
}
