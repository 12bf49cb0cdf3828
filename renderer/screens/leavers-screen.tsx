/**
 * Leavers (DIS-3, DIS-4): import the monthly HR leavers report, check the matches, resolve the
 * ambiguous rows, then de-register every confirmed leaver in one step.
 */
import { useId, useState } from 'react';
import type { ChannelOutput } from '../../shared/contract';
import type { LeaverMatchView } from '../../shared/contract/leavers';
import { api } from '../api/bridge';
import { ConfirmButton } from '../components/nhs/confirm-button';
import { ErrorAlert, StatusMessage } from '../components/feedback';
import { PageHeading } from '../components/page-heading';
import { useAction } from '../components/use-action';
import { WorkInProgress } from '../components/work-in-progress';
import { describeOutcomes } from './people/leaver-form';
import { count } from '../../shared/plural';

type Preview = ChannelOutput<'leavers:preview'>;
type Applied = ChannelOutput<'leavers:apply'>;

function RowList({ title, rows }: { title: string; rows: LeaverMatchView[] }) {
  if (rows.length === 0) return null;
  return (
    <section aria-label={title} className="nhsuk-card nhsuk-card__content">
      <h2>
        {title} ({rows.length})
      </h2>
      <ul>
        {rows.map((row) => (
          <li key={row.line}>
            Line {row.line}: {row.name}
            {row.team ? ` (${row.team})` : ''}, left {row.leftOn}
            {row.candidates[0] && row.status !== 'not-found'
              ? ` → ${row.candidates[0].name}, ${count(row.candidates[0].liveAccounts, 'live account')}`
              : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}

function AmbiguousRow({
  row,
  choice,
  onChoose,
}: {
  row: LeaverMatchView;
  choice: string;
  onChoose: (id: string) => void;
}) {
  return (
    <fieldset className="nhsuk-card nhsuk-card__content">
      <legend>
        Line {row.line}: {row.name}
        {row.team ? ` (${row.team})` : ''}, left {row.leftOn}
      </legend>
      {row.candidates.map((c) => (
        <div className="nhsuk-radios__item" key={c.personId}>
          <input
            className="nhsuk-radios__input"
            type="radio"
            id={`line-${row.line}-${c.personId}`}
            name={`line-${row.line}`}
            checked={choice === c.personId}
            onChange={() => onChoose(c.personId)}
          />
          <label className="nhsuk-label nhsuk-radios__label" htmlFor={`line-${row.line}-${c.personId}`}>
            {c.name}, {c.team ?? 'no team'},{' '}
            {c.employeeNumber ? `employee ${c.employeeNumber}` : 'no employee number'}, {c.liveAccounts} live
            accounts
          </label>
        </div>
      ))}
      <div className="nhsuk-radios__item">
        <input
          className="nhsuk-radios__input"
          type="radio"
          id={`line-${row.line}-none`}
          name={`line-${row.line}`}
          checked={choice === ''}
          onChange={() => onChoose('')}
        />
        <label className="nhsuk-label nhsuk-radios__label" htmlFor={`line-${row.line}-none`}>
          None of these: leave this row
        </label>
      </div>
    </fieldset>
  );
}

export function LeaversScreen() {
  const fileId = useId();
  const [file, setFile] = useState<{ name: string; content: string } | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [choices, setChoices] = useState<Record<number, string>>({});
  const [applied, setApplied] = useState<Applied | null>(null);
  const { busy, error, run, cancel } = useAction();
  const [applying, setApplying] = useState(false);

  async function choose(chosen: File | undefined) {
    if (!chosen) return;
    setApplied(null);
    setPreview(null);
    const content = await chosen.text();
    setFile({ name: chosen.name, content });
    setChoices({});
    const result = await run(() => api.leavers.preview({ fileName: chosen.name, content }));
    if (result) setPreview(result);
  }

  async function apply() {
    if (!file) return;
    const picked = Object.entries(choices)
      .filter(([, id]) => id !== '')
      .map(([line, personId]) => ({ line: Number(line), personId }));
    setApplying(true);
    const result = await run(() =>
      api.leavers.apply({ fileName: file.name, content: file.content, choices: picked }),
    );
    setApplying(false);
    if (result) {
      setApplied(result);
      setPreview(null);
    }
  }

  const rows = preview?.rows ?? [];
  const of = (status: LeaverMatchView['status']) => rows.filter((r) => r.status === status);
  const resolved = Object.values(choices).filter((id) => id !== '').length;
  return (
    <>
      <PageHeading>Leavers</PageHeading>
      <p>
        Import the monthly HR leavers report (CSV: name, team and leaving date, sometimes an employee number).
        Every live account of each confirmed leaver is de-registered on every system at once, and their
        smartcard suspension is raised.
      </p>
      <ErrorAlert message={error} />
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor={fileId}>
          HR leavers report
        </label>
        <input
          id={fileId}
          type="file"
          accept=".csv,text/csv"
          disabled={busy}
          onChange={(e) => void choose(e.target.files?.[0])}
        />
      </div>
      {/* Matching changes nothing, so it can be abandoned; applying is one transaction: whole or nothing. */}
      {busy ? (
        <WorkInProgress
          label={applying ? 'De-registering the leavers…' : 'Matching the report against the register…'}
          onCancel={applying ? undefined : cancel}
        />
      ) : null}
      {applied ? (
        <StatusMessage>
          <p>
            De-registered {count(applied.processed.length, 'leaver')} from {file?.name}.
          </p>
          <ul>
            {applied.processed.map((p) => (
              <li key={p.line}>
                {p.personName}: {describeOutcomes(p.outcomes).join('; ') || 'no live accounts'}
              </li>
            ))}
          </ul>
          {applied.skipped.length > 0 ? (
            <p>Left as they were: {applied.skipped.map((s) => `line ${s.line} (${s.why})`).join(', ')}.</p>
          ) : null}
        </StatusMessage>
      ) : null}
      {preview ? (
        <>
          {/* What the file held besides leavers (a report title, a total), so nothing is skipped unseen. */}
          {preview.notes.length > 0 ? <p>{preview.notes.join(' ')}</p> : null}
          {preview.problems.length > 0 ? (
            <div className="nhsuk-error-summary" role="alert">
              <p>Nothing can be applied until these lines are fixed in the file:</p>
              <ul>
                {preview.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <RowList title="Matched" rows={of('matched')} />
          {of('ambiguous').length > 0 ? (
            <section aria-labelledby="ambiguous-heading">
              <h2 id="ambiguous-heading">Ambiguous: choose who left ({of('ambiguous').length})</h2>
              {of('ambiguous').map((row) => (
                <AmbiguousRow
                  key={row.line}
                  row={row}
                  choice={choices[row.line] ?? ''}
                  onChoose={(id) => setChoices({ ...choices, [row.line]: id })}
                />
              ))}
            </section>
          ) : null}
          <RowList title="Not found in the register" rows={of('not-found')} />
          <RowList title="Already processed" rows={of('already-left')} />
          {preview.problems.length === 0 && of('matched').length + resolved > 0 ? (
            <ConfirmButton
              label={`De-register ${of('matched').length + resolved} leavers`}
              question={`De-register ${of('matched').length + resolved} leavers from ${file?.name ?? 'the report'}?`}
              consequences={[
                `Every live account of each matched leaver is de-registered, on every system, in one step (DIS-3): deleted, or flagged disabled where the system keeps history (DIS-2).`,
                'Their open requests are withdrawn and their smartcard suspensions raised (DIS-4).',
                'Lines not found or still ambiguous are left as they are.',
                'This cannot be undone.',
              ]}
              confirmLabel={`Yes, de-register ${of('matched').length + resolved} leavers`}
              busy={busy}
              onConfirm={() => void apply()}
            />
          ) : null}
        </>
      ) : null}
    </>
  );
}
