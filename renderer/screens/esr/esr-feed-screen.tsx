/**
 * The ESR feed (seed 003): import ESR's joiner, mover and leaver file, then decide each change with
 * the register and ESR side by side. Nothing changes in the register until a change is accepted.
 */
import { useId, useState } from 'react';
import { api } from '../../api/bridge';
import { ErrorAlert, StatusMessage } from '../../components/feedback';
import { PageHeading } from '../../components/page-heading';
import { useAction } from '../../components/use-action';
import { useQuery } from '../../components/use-query';
import { WorkInProgress } from '../../components/work-in-progress';
import { EsrChangeCard } from './esr-change-card';
import { count } from '../../../shared/plural';

export function EsrFeedScreen() {
  const fileId = useId();
  const [version, setVersion] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const waiting = useQuery(() => api.esr.list({ state: 'proposed' }), `proposed-${version}`);
  const decided = useQuery(() => api.esr.list({ state: 'decided' }), `decided-${version}`);
  const { busy, error, run } = useAction();

  async function importFile(file: File | undefined) {
    if (!file) return;
    setMessage(null);
    const content = await file.text();
    const result = await run(() => api.esr.import({ fileName: file.name, content }));
    if (!result) return;
    const outcome =
      result.added === 0
        ? `Nothing new in ${file.name}: all ${count(result.alreadyImported, 'change')} were imported before.`
        : `Imported ${count(result.added, 'change')} from ${file.name}.`;
    // What the file held besides changes (a report title, a total) is said, so nothing is skipped unseen.
    setMessage([outcome, ...result.notes].join(' '));
    setVersion((v) => v + 1);
  }

  function decidedOne(summary: string) {
    setMessage(summary);
    setVersion((v) => v + 1);
  }

  return (
    <>
      <PageHeading>ESR feed</PageHeading>
      <p>
        ESR’s joiner, mover and leaver changes. A starter becomes a new-user request for Employee Self Service
        that waits for the line manager’s authorisation; a mover’s access is reviewed account by account; a
        leaver is de-registered from every system and their smartcard suspended.
      </p>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor={fileId}>
          ESR change file
        </label>
        <input
          id={fileId}
          type="file"
          accept=".csv,text/csv"
          disabled={busy}
          onChange={(e) => void importFile(e.target.files?.[0])}
        />
      </div>
      {/* No cancel: the import is one transaction in main, which lands whole or not at all. */}
      {busy ? <WorkInProgress label="Importing the ESR change file…" /> : null}
      <ErrorAlert message={error ?? waiting.error} />
      {message ? <StatusMessage>{message}</StatusMessage> : null}
      <h2>Waiting for a decision ({waiting.value?.length ?? 0})</h2>
      {waiting.value?.length === 0 ? <p>No ESR changes are waiting.</p> : null}
      {waiting.value?.map((change) => (
        <EsrChangeCard key={change.id} change={change} done={decidedOne} />
      ))}
      {decided.value && decided.value.length > 0 ? (
        <section aria-labelledby="decided-heading">
          <h2 id="decided-heading">Decided</h2>
          <ul>
            {decided.value.map((c) => (
              <li key={c.id}>
                {c.kind} {c.employeeNumber} ({c.effectiveOn}): {c.state}. {c.decisionNote}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
