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
import { Field } from '../../components/field';
import { PageHeading } from '../../components/page-heading';
import { useAction } from '../../components/use-action';

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
      <Field label="Review as of" type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} />
      <button type="button" className="nhsuk-button" disabled={busy} onClick={() => void sweep()}>
        Run the inactivity review
      </button>
      {result ? (
        <>
          <StatusMessage>
            As of {result.asOf}: {staff} accounts newly notified to {result.notices.length} line managers;{' '}
            {result.proposed} suspensions proposed (see the tasks on the Requests screen); {result.cleared}{' '}
            notices cleared by new sign-ins.
          </StatusMessage>
          {result.drafts.length > 0 ? (
            <section aria-labelledby="drafts-heading">
              <h2 id="drafts-heading">Email drafts to line managers</h2>
              <ul>
                {result.notices.map((notice, i) => (
                  <li key={result.drafts[i]!.fileName}>
                    {notice.managerName}: {notice.staff.length} accounts{' '}
                    <button
                      type="button"
                      className="nhsuk-button nhsuk-button--small nhsuk-button--secondary"
                      onClick={() => download(result.drafts[i]!)}
                    >
                      Download the email to {notice.managerName}
                    </button>
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
