/** Administrators' form for a system's settings; main validates again and audits before and after. */
import { type FormEvent, useState } from 'react';
import type { CatalogueSystem, SystemChanges } from '../../../shared/catalogue';
import { api } from '../../api/bridge';
import { Field } from '../../components/field';
import { DateInput } from '../../components/nhs/date-input';
import { ErrorAlert } from '../../components/feedback';
import { useAction } from '../../components/use-action';

export function SystemEditForm({
  system,
  onSaved,
}: {
  system: CatalogueSystem;
  onSaved: (name: string) => void;
}) {
  const [form, setForm] = useState({
    administratorTitle: system.administratorTitle,
    contactRoute: system.contactRoute,
    inactivityDays: String(system.inactivityDays),
    slaTargetDays: String(system.slaTargetDays),
    slaInterimDays: String(system.slaInterimDays),
    deletionAllowed: system.deletionAllowed,
    directCareOnly: system.directCareOnly,
    procedureLocation: system.procedureLocation,
    procedureReviewedOn: system.procedureReviewedOn ?? '',
    reason: '',
  });
  const { busy, error, run } = useAction();
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const changes: SystemChanges = {
      administratorTitle: form.administratorTitle,
      contactRoute: form.contactRoute,
      inactivityDays: Number(form.inactivityDays),
      slaTargetDays: Number(form.slaTargetDays),
      slaInterimDays: Number(form.slaInterimDays),
      deletionAllowed: form.deletionAllowed,
      directCareOnly: form.directCareOnly,
      procedureLocation: form.procedureLocation,
      procedureReviewedOn: form.procedureReviewedOn === '' ? null : form.procedureReviewedOn,
    };
    const saved = await run(() =>
      api.catalogue.update({
        id: system.id,
        changes,
        ...(form.reason.trim() ? { reason: form.reason } : {}),
      }),
    );
    if (saved) onSaved(saved.name);
  }

  return (
    <section aria-labelledby="edit-system-heading">
      <h2 id="edit-system-heading">Change settings</h2>
      <ErrorAlert message={error} />
      <form onSubmit={submit} noValidate>
        <Field
          label="Administrator job title"
          value={form.administratorTitle}
          onChange={set('administratorTitle')}
        />
        <Field label="Contact route" value={form.contactRoute} onChange={set('contactRoute')} />
        <Field
          label="Inactivity period in days"
          hint="Between 30 and 90 days (SUS-2)."
          inputMode="numeric"
          value={form.inactivityDays}
          onChange={set('inactivityDays')}
        />
        <Field
          label="Registration target in working days"
          inputMode="numeric"
          value={form.slaTargetDays}
          onChange={set('slaTargetDays')}
        />
        <Field
          label="Interim standard in working days"
          inputMode="numeric"
          value={form.slaInterimDays}
          onChange={set('slaInterimDays')}
        />
        <div className="nhsuk-checkboxes__item">
          <input
            className="nhsuk-checkboxes__input"
            id="deletion-allowed"
            type="checkbox"
            checked={form.deletionAllowed}
            onChange={(e) => setForm({ ...form, deletionAllowed: e.target.checked })}
          />
          <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="deletion-allowed">
            Accounts can be deleted (untick for systems holding medical or event history)
          </label>
        </div>
        <div className="nhsuk-checkboxes__item">
          <input
            className="nhsuk-checkboxes__input"
            id="direct-care-only"
            type="checkbox"
            checked={form.directCareOnly}
            onChange={(e) => setForm({ ...form, directCareOnly: e.target.checked })}
          />
          <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="direct-care-only">
            Direct care only
          </label>
        </div>
        <Field
          label="Where the local procedure is kept"
          value={form.procedureLocation}
          onChange={set('procedureLocation')}
        />
        <DateInput
          label="Local procedure last reviewed"
          value={form.procedureReviewedOn}
          onChange={(procedureReviewedOn) => setForm({ ...form, procedureReviewedOn })}
        />
        <Field label="Reason for the change (optional)" value={form.reason} onChange={set('reason')} />
        <button type="submit" className="nhsuk-button" disabled={busy}>
          Save changes
        </button>
      </form>
    </section>
  );
}
