/**
 * Settings: the Trust register (issue 11 §2). Not joined: join this workstation (the address, the
 * Trust's CA certificate pasted or chosen from a file, the operator's login and their passphrase
 * again); the core sets up an empty register from this store, or brings a non-empty one down and
 * signs the operator out to sign in as the Trust's. Joined: how it stands, Sync now, and the
 * Trust's offline grace period.
 */
import { type FormEvent, useId, useState } from 'react';
import { count } from '../../shared/plural';
import { api } from '../api/bridge';
import { ErrorAlert, StatusMessage } from '../components/feedback';
import { Field } from '../components/field';
import { SummaryList } from '../components/nhs/summary-list';
import { useAction } from '../components/use-action';
import { useSyncStore } from '../state/sync-store';
import { formatDateTime } from './format';
import { OfflineGraceForm } from './offline-grace-form';

type Draft = { url: string; ca: string; login: string; passphrase: string };
const FIELDS = ['url', 'ca', 'login', 'passphrase'] as const;

/** What can be told before asking the register: the address's form, and a login to use. */
function checkDraft(draft: Draft): Partial<Record<(typeof FIELDS)[number], string>> {
  const url = draft.url.trim();
  if (url === '') return {};
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    parsed = null;
  }
  if (!parsed || !/^postgres(ql)?:$/.test(parsed.protocol))
    return { url: 'Enter the address as postgres://LOGIN@HOST:5432/gatehouse.' };
  if (draft.login.trim() === '' && parsed.username === '')
    return { login: 'Enter your login for the Trust register, or put it in the address.' };
  return {};
}

function JoinForm({ onJoined }: { onJoined: () => void }) {
  const setStatus = useSyncStore((s) => s.setStatus);
  const [draft, setDraft] = useState<Draft>({ url: '', ca: '', login: '', passphrase: '' });
  const [local, setLocal] = useState<ReturnType<typeof checkDraft>>({});
  const { busy, run, fieldId, fieldError, summary } = useAction();
  const caId = fieldId('ca');
  const fileId = useId();
  const errorOf = (path: (typeof FIELDS)[number]) => local[path] ?? fieldError(path);
  const shown = summary(FIELDS);
  const localErrors = FIELDS.flatMap((path) =>
    local[path] ? [{ fieldId: fieldId(path), message: local[path] }] : [],
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = checkDraft(draft);
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    const status = await run(() =>
      api.sync.connect({
        url: draft.url.trim(),
        ca: draft.ca.trim() === '' ? null : draft.ca,
        login: draft.login.trim() === '' ? null : draft.login.trim(),
        passphrase: draft.passphrase,
      }),
    );
    setDraft((d) => ({ ...d, passphrase: '' }));
    // Joining a register that already has people signs the operator out (main says so with the
    // session event); setting one up from this store keeps them here, and the status shows it.
    if (status) {
      setStatus(status);
      onJoined();
    }
  }
  async function choose(file: File | undefined) {
    if (!file) return;
    const text = await file.text();
    setDraft((d) => ({ ...d, ca: text }));
  }
  const caError = errorOf('ca');
  return (
    <form onSubmit={submit} noValidate aria-label="Join the Trust register">
      <ErrorAlert
        message={localErrors.length > 0 ? null : shown.message}
        fieldErrors={localErrors.length > 0 ? localErrors : shown.fieldErrors}
      />
      <p>
        Join this workstation to the Trust’s register on PostgreSQL, so everyone works on one register. The
        first workstation sets up an empty register from this store. Any other joins from a new store: the
        whole register comes down to it and you sign in again.
      </p>
      <Field
        label="Address of the Trust register"
        hint="From the Trust’s database administrator, for example postgres://ada@db.trust.nhs.uk:5432/gatehouse. Gatehouse always connects with TLS."
        id={fieldId('url')}
        error={errorOf('url')}
        spellCheck={false}
        value={draft.url}
        onChange={(e) => setDraft({ ...draft, url: e.target.value })}
      />
      <div className={caError ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'}>
        <label className="nhsuk-label" htmlFor={caId}>
          The Trust’s CA certificate
        </label>
        <div className="nhsuk-hint" id={`${caId}-hint`}>
          Paste it (it starts -----BEGIN CERTIFICATE-----) or choose its file below. Leave it empty only if
          the register’s certificate is signed by an authority this computer already trusts.
        </div>
        {caError ? (
          <span className="nhsuk-error-message" id={`${caId}-error`}>
            <span className="nhsuk-u-visually-hidden">Error: </span>
            {caError}
          </span>
        ) : null}
        <textarea
          className={caError ? 'nhsuk-textarea nhsuk-textarea--error' : 'nhsuk-textarea'}
          id={caId}
          rows={4}
          spellCheck={false}
          aria-describedby={[`${caId}-hint`, caError ? `${caId}-error` : null].filter(Boolean).join(' ')}
          value={draft.ca}
          onChange={(e) => setDraft({ ...draft, ca: e.target.value })}
        />
      </div>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor={fileId}>
          Or choose the certificate file
        </label>
        <input
          id={fileId}
          type="file"
          accept=".pem,.crt,.cer,application/x-pem-file"
          onChange={(e) => void choose(e.target.files?.[0])}
        />
      </div>
      <Field
        label="Your login for the Trust register (optional)"
        hint="Leave empty to use the login in the address."
        id={fieldId('login')}
        error={errorOf('login')}
        autoComplete="off"
        value={draft.login}
        onChange={(e) => setDraft({ ...draft, login: e.target.value })}
      />
      <Field
        label="Your passphrase, again"
        hint="Your Gatehouse passphrase is also your password on the Trust register."
        type="password"
        autoComplete="current-password"
        id={fieldId('passphrase')}
        error={errorOf('passphrase')}
        value={draft.passphrase}
        onChange={(e) => setDraft({ ...draft, passphrase: e.target.value })}
      />
      <button type="submit" className="nhsuk-button" disabled={busy}>
        Join the Trust register
      </button>
    </form>
  );
}

function JoinedStatus({ justJoined }: { justJoined: boolean }) {
  const status = useSyncStore((s) => s.status)!;
  const setStatus = useSyncStore((s) => s.setStatus);
  const [message, setMessage] = useState<string | null>(
    justJoined ? `This workstation is joined to the Trust register at ${status.server}.` : null,
  );
  const { busy, error, setError, run } = useAction();
  async function syncNow() {
    setMessage(null);
    const next = await run(() => api.sync.now({}));
    if (!next) return;
    setStatus(next);
    if (next.reachable === false)
      setError(next.problem ?? 'The Trust register cannot be reached; changes stay queued here.');
    else setMessage(`Synced with the Trust register at ${formatDateTime(next.lastContact)}.`);
  }
  const reach =
    status.reachable === false ? 'Cannot be reached now' : status.reachable ? 'Reached' : 'Not tried yet';
  return (
    <>
      {message ? <StatusMessage>{message}</StatusMessage> : null}
      <ErrorAlert message={error} />
      <SummaryList
        rows={[
          { key: 'Joined', value: 'Yes' },
          { key: 'Register', value: status.server ?? '' },
          { key: 'At the last try', value: reach },
          { key: 'This workstation', value: status.workstationId ?? '' },
          { key: 'Last contact', value: formatDateTime(status.lastContact) || 'None yet' },
          { key: 'Changes waiting to be sent', value: String(status.queued) },
          { key: 'Offline grace period', value: `${status.offlineGraceHours ?? 72} hours` },
          {
            key: 'Conflicts',
            value:
              status.conflicts === 0 ? (
                'None'
              ) : (
                <a href="#/conflicts">{count(status.conflicts, 'change')} waiting for a decision</a>
              ),
          },
        ]}
      />
      <button type="button" className="nhsuk-button" disabled={busy} onClick={() => void syncNow()}>
        Sync now
      </button>
      <OfflineGraceForm hours={status.offlineGraceHours ?? 72} />
    </>
  );
}

export function TrustRegisterSettings() {
  const status = useSyncStore((s) => s.status);
  const [joinedNow, setJoinedNow] = useState(false);
  return (
    <section aria-labelledby="trust-register-heading">
      <h2 id="trust-register-heading">Trust register</h2>
      {status === null ? null : status.connected ? (
        <JoinedStatus justJoined={joinedNow} />
      ) : (
        <JoinForm onJoined={() => setJoinedNow(true)} />
      )}
    </section>
  );
}
