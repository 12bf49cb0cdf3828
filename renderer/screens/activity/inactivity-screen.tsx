/**
 * The inactivity review (SUS-2): run the sweep, download each line manager's notice as an email draft,
 * and see how many suspensions for inactivity were proposed (they wait as tasks on the Requests screen).
 */
import { useState } from 'react';
import type { ChannelOutput } from '../../../shared/contract';
import { londonDate } from '../../../shared/policy/working-days';
import { api } from '../../api/bridge';
import { downloadFile } from '../../components/download';
import { ErrorAlert, StatusMessage } from '../../components/feedback';
import { DateInput } from '../../components/nhs/date-input';
import { PageHeading } from '../../components/page-heading';
import { useAction } from '../../components/use-action';
import { count } from '../../../shared/plural';

type Run = ChannelOutput<'inactivity:run'>;

function download(draft: Run['drafts'][number]) {
  const bytes = new TextEncoder().encode(draft.content);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  downloadFile({ fileName: draft.fileName, mimeType: 'message/rfc822', base64: btoa(binary) });
}

export function InactivityScreen() {
  const [asOf, setAsOf] = useState(londonDate(new Date()));
  const [result, setResult] = useState<Run | null>(null);
  const { busy, error, run } = useAction();

  async function sweep() {
    const value = await run(() => api.inactivity.run({ asOf }));
    if (value) setResult(value);
  }

  const staff = result?.notices.reduce((n, m) => n + m.staff.length, 0) ?? 0;
  return (
    <>
      <PageHeading>Inactivity review</PageHeading>
      <p>
        Accounts nobody has signed in to for their system’s inactivity period, less 7 days, are notified to
        the line manager; deactivation is planned no sooner than 7 days after the notice, and when it is due a
        suspension for inactivity is proposed as a task (SUS-2). Lifting it later is a re-registration
        (RRG-1).
      </p>
      <ErrorAlert message={error} />
      <DateInput label="Review as of" value={asOf} onChange={setAsOf} />
      <button type="button" className="nhsuk-button" disabled={busy} onClick={() => void sweep()}>
        Run the inactivity review
      </button>
      {result ? (
        <>
          <StatusMessage>
            As of {result.asOf}: {count(staff, 'account')} newly notified to{' '}
            {count(result.notices.length, 'line manager')}; {count(result.proposed, 'suspension')} proposed
            (see the tasks on the Requests screen); {count(result.cleared, 'notice')} cleared by new sign-ins.
          </StatusMessage>
          {result.drafts.length > 0 ? (
            <section aria-labelledby="drafts-heading">
              <h2 id="drafts-heading">Email drafts to line managers</h2>
              <ul>
                {result.drafts.map((draft) => {
                  const notice = result.notices.find((n) => n.managerName === draft.managerName);
                  return (
                    <li key={draft.fileName}>
                      {draft.managerName}: {count(notice?.staff.length ?? 0, 'account')}{' '}
                      <button
                        type="button"
                        className="nhsuk-button nhsuk-button--small nhsuk-button--secondary"
                        onClick={() => download(draft)}
                      >
                        Download the email to {draft.managerName}
                      </button>
                    </li>
                  );
                })}
              </ul>
            </section>
          ) : null}
          {result.needsEmail.length > 0 ? (
            <section aria-labelledby="needs-email-heading">
              <h2 id="needs-email-heading">Line managers who need an email address</h2>
              <p>
                No draft was made for these managers. Record their email address on their register entry and
                tell them directly.
              </p>
              <ul>
                {result.needsEmail.map((manager) => (
                  <li key={manager.managerName}>
                    {manager.managerName}: {count(manager.staff, 'account')} (needs an email address)
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      ) : null}
    </>
  );
}
