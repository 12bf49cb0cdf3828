/**
 * Settings for smartcards (administrators): import the public ATR table (pcsc-tools'
 * smartcard_list.txt) so more card types are named, and say where a card keeps its certificate and UUID.
 */
import { type FormEvent, useId, useState } from 'react';
import type { CardProfile } from '../../shared/smartcard';
import { api } from '../api/bridge';
import { ErrorAlert, StatusMessage } from '../components/feedback';
import { Field } from '../components/field';
import { useAction } from '../components/use-action';
import { useQuery } from '../components/use-query';

function ProfileForm({ profile, saved }: { profile: CardProfile; saved: (message: string) => void }) {
  const [draft, setDraft] = useState({
    aid: profile.aid,
    certificateFile: profile.certificateFile,
    uuidRdn: String(profile.uuidRdn),
    trustedIssuers: profile.trustedIssuers.join('\n'),
    pkcs11Module: profile.pkcs11Module ?? '',
  });
  const { busy, error, run } = useAction();
  async function submit(event: FormEvent) {
    event.preventDefault();
    const next: CardProfile = {
      ...profile,
      aid: draft.aid.trim(),
      certificateFile: draft.certificateFile.trim(),
      uuidRdn: Number(draft.uuidRdn),
      pkcs11Module: draft.pkcs11Module.trim() || null,
      trustedIssuers: draft.trustedIssuers
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    };
    const result = await run(() => api.smartcard.setProfile({ profile: next }));
    if (result) saved('The card profile is saved; cards read from now on use it.');
  }
  const issuersId = useId();
  return (
    <form onSubmit={submit} noValidate aria-label="Card profile">
      <ErrorAlert message={error} />
      <Field
        label="Application (AID) holding the certificate"
        value={draft.aid}
        onChange={(e) => setDraft({ ...draft, aid: e.target.value })}
      />
      <Field
        label="Certificate file id"
        value={draft.certificateFile}
        onChange={(e) => setDraft({ ...draft, certificateFile: e.target.value })}
      />
      <Field
        label="Subject part holding the UUID"
        hint="1 for the first part of the subject, 2 for the second, and so on. NHS cards: 3."
        inputMode="numeric"
        value={draft.uuidRdn}
        onChange={(e) => setDraft({ ...draft, uuidRdn: e.target.value })}
      />
      <Field
        label="PKCS#11 module of the card middleware (leave empty to read cards over PC/SC)"
        hint="The library's path, for example /usr/lib/x86_64-linux-gnu/opensc-pkcs11.so"
        value={draft.pkcs11Module}
        onChange={(e) => setDraft({ ...draft, pkcs11Module: e.target.value })}
      />
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor={issuersId}>
          Trusted issuers, one a line
        </label>
        <textarea
          className="nhsuk-textarea"
          id={issuersId}
          rows={3}
          value={draft.trustedIssuers}
          onChange={(e) => setDraft({ ...draft, trustedIssuers: e.target.value })}
        />
      </div>
      <button type="submit" className="nhsuk-button" disabled={busy}>
        Save card profile
      </button>
    </form>
  );
}

export function SmartcardSettings() {
  const fileId = useId();
  const configuration = useQuery(() => api.smartcard.configuration({}), 'smartcard-configuration');
  const [message, setMessage] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  async function importTable(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    const result = await run(async () =>
      api.smartcard.importAtrTable({ fileName: file.name, content: await file.text() }),
    );
    input.value = '';
    if (result) {
      setMessage(`Imported ${result.importedEntries} card types from ${file.name}.`);
      configuration.reload();
    }
  }
  if (!configuration.value) return null;
  return (
    <section aria-labelledby="smartcard-settings-heading">
      <h2 id="smartcard-settings-heading">Smartcards</h2>
      <ErrorAlert message={error} />
      {message ? <StatusMessage>{message}</StatusMessage> : null}
      <p>
        Gatehouse names {configuration.value.atrEntries} card types ({configuration.value.importedEntries}{' '}
        imported, the NHS cards built in).
      </p>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor={fileId}>
          ATR table (smartcard_list.txt from pcsc-tools)
        </label>
        <input
          id={fileId}
          type="file"
          accept=".txt,text/plain"
          disabled={busy}
          onChange={(e) => void importTable(e.target)}
        />
      </div>
      <ProfileForm profile={configuration.value.profile} saved={setMessage} />
    </section>
  );
}
