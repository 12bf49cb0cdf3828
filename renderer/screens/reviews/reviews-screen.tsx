/**
 * Access reviews (issue 13 §3): start a campaign for the Trust, a system or a team; download each line
 * manager's email draft; record their answers; escalate what is overdue and download each senior
 * manager's draft; see progress per manager, and download the review's report (CSV or PDF).
 */
import { count } from '../../../shared/plural';
import { type FormEvent, useState } from 'react';
import type { Campaign, ReviewScope } from '../../../shared/access-reviews';
import { api } from '../../api/bridge';
import { downloadTextFile } from '../../components/download';
import { Field } from '../../components/field';
import { DateInput } from '../../components/nhs/date-input';
import { ErrorAlert, StatusMessage } from '../../components/feedback';
import { PageHeading } from '../../components/page-heading';
import { SelectField } from '../../components/select-field';
import { useAction } from '../../components/use-action';
import { useQuery } from '../../components/use-query';
import { useAdministers, useAdministersEverySystem } from '../../state/session-store';
import { ReviewList } from './review-list';
import { ReviewReportButtons } from './review-report-buttons';

type Kind = ReviewScope['kind'];

function StartReview({ done }: { done: (message: string) => void }) {
  const systems = useQuery(() => api.catalogue.list({}), 'systems');
  const [kind, setKind] = useState<Kind>('trust');
  const [systemId, setSystemId] = useState('');
  const [team, setTeam] = useState('');
  const [dueOn, setDueOn] = useState('');
  const { busy, error, run } = useAction();
  async function submit(event: FormEvent) {
    event.preventDefault();
    const scope: ReviewScope =
      kind === 'trust' ? { kind } : kind === 'system' ? { kind, systemId } : { kind, team };
    const campaign = await run(() => api.reviews.start({ scope, dueOn }));
    if (campaign)
      done(
        `The access review of ${campaign.scope} is started: ${count(campaign.items, 'account')}, due ${campaign.dueOn}.`,
      );
  }
  return (
    <form onSubmit={submit} noValidate className="action-form" aria-labelledby="start-review-heading">
      <h2 id="start-review-heading">Start an access review</h2>
      <ErrorAlert message={error} />
      <SelectField
        label="Review"
        value={kind}
        options={[
          ['trust', 'The whole Trust'],
          ['system', 'One system'],
          ['team', 'One team'],
        ]}
        onChange={setKind}
      />
      {kind === 'system' ? (
        <SelectField
          label="System"
          value={systemId}
          placeholder="Choose a system"
          options={(systems.value ?? []).map((s) => [s.id, s.name] as const)}
          onChange={setSystemId}
        />
      ) : null}
      {kind === 'team' ? <Field label="Team" value={team} onChange={(e) => setTeam(e.target.value)} /> : null}
      <DateInput label="Due by" value={dueOn} onChange={setDueOn} />
      <button type="submit" className="nhsuk-button" disabled={busy}>
        Start review
      </button>
    </form>
  );
}

function CampaignSection({
  campaign,
  done: doneOnPage,
  refresh,
}: {
  campaign: Campaign;
  done: (message: string) => void;
  refresh: () => void;
}) {
  const [open, setOpen] = useState<{ id: string | null; name: string } | null>(null);
  // What the last recorded answer did: shown in the open list, or where it was once the review closed.
  const [answerMessage, setAnswerMessage] = useState<string | null>(null);
  const done = (message: string) => {
    setAnswerMessage(null);
    doneOnPage(message);
  };
  const listOpen = open !== null && campaign.state === 'open';
  // A system's review is escalated by that system's administrators; a wider one by one of every system.
  const administers = useAdministers();
  const everySystem = useAdministersEverySystem();
  const mayEscalate = campaign.systemId ? administers(campaign.systemId) : everySystem;
  const progress = `${campaign.answered}:${campaign.managers.reduce((n, m) => n + m.escalated, 0)}`;
  const { busy, error, run } = useAction();
  async function emails() {
    const result = await run(() => api.reviews.emails({ campaignId: campaign.id }));
    if (!result) return;
    for (const f of result.drafts) downloadTextFile({ ...f, mimeType: 'message/rfc822' });
    if (result.needsEmail.length > 0)
      done(
        `No draft for ${result.needsEmail.map((m) => `${m.managerName} (${count(m.accounts, 'account')})`).join(', ')}: record their email address in the register and tell them directly.`,
      );
  }
  async function escalationDrafts() {
    const result = await run(() => api.reviews.escalationEmails({ campaignId: campaign.id }));
    if (!result) return;
    for (const f of result.drafts) downloadTextFile({ ...f, mimeType: 'message/rfc822' });
    done(
      [
        `Downloaded ${count(result.drafts.length, 'escalation email draft')}${result.drafts.length ? ` (for ${result.drafts.map((d) => d.seniorName).join(', ')})` : ''}.`,
        ...result.needsEmail.map(
          (m) =>
            `No draft for ${m.managerName} (${count(m.accounts, 'account')}): record their email address in the register and tell them directly.`,
        ),
        ...result.noSenior.map(
          (m) =>
            `${m.managerName} (${count(m.accounts, 'account')}): no senior manager is recorded above them; record their line manager or follow it up directly.`,
        ),
      ].join(' '),
    );
  }
  async function escalate() {
    const result = await run(() => api.reviews.escalate({ campaignId: campaign.id }));
    if (result)
      done(
        `${count(result.escalated, 'unanswered account')} escalated to ${result.seniorManagers.join(', ') || 'no one'}.`,
      );
  }
  return (
    <section aria-labelledby={`campaign-${campaign.id}`}>
      <h2 id={`campaign-${campaign.id}`}>Review of {campaign.scope}</h2>
      <p>
        {campaign.state === 'open' ? 'Open' : 'Closed'}
        {campaign.overdue ? ', overdue' : ''}; due {campaign.dueOn}; {campaign.answered} of{' '}
        {count(campaign.items, 'account')} answered.
      </p>
      <ErrorAlert message={error} />
      {campaign.state === 'open' ? (
        <p>
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            disabled={busy}
            onClick={() => void emails()}
          >
            Download email drafts
          </button>{' '}
          {campaign.overdue && mayEscalate ? (
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary"
              disabled={busy}
              onClick={() => void escalate()}
            >
              Escalate overdue
            </button>
          ) : null}{' '}
          {campaign.managers.some((m) => m.escalated > 0) ? (
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary"
              disabled={busy}
              onClick={() => void escalationDrafts()}
            >
              Download escalation drafts
            </button>
          ) : null}
        </p>
      ) : null}
      <ReviewReportButtons campaignId={campaign.id} />
      <table className="nhsuk-table">
        <caption className="nhsuk-u-visually-hidden">
          Progress per line manager in the review of {campaign.scope}
        </caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th scope="col" className="nhsuk-table__header">
              Line manager
            </th>
            <th scope="col" className="nhsuk-table__header">
              Answered
            </th>
            <th scope="col" className="nhsuk-table__header">
              Kept
            </th>
            <th scope="col" className="nhsuk-table__header">
              Removed
            </th>
            <th scope="col" className="nhsuk-table__header">
              Role changed
            </th>
            <th scope="col" className="nhsuk-table__header">
              Escalated
            </th>
            <th scope="col" className="nhsuk-table__header">
              List
            </th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {campaign.managers.map((m) => (
            <tr className="nhsuk-table__row" key={m.managerId ?? 'none'}>
              <td className="nhsuk-table__cell">{m.managerName}</td>
              <td className="nhsuk-table__cell">
                {m.answered} of {m.items}
              </td>
              <td className="nhsuk-table__cell">{m.kept}</td>
              <td className="nhsuk-table__cell">{m.removed}</td>
              <td className="nhsuk-table__cell">{m.roleChanged}</td>
              <td className="nhsuk-table__cell">{m.escalated}</td>
              <td className="nhsuk-table__cell">
                <button
                  type="button"
                  className="nhsuk-button nhsuk-button--small nhsuk-button--secondary"
                  onClick={() => {
                    setAnswerMessage(null);
                    setOpen({ id: m.managerId, name: m.managerName });
                  }}
                >
                  Record answers for {m.managerName}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {answerMessage && !listOpen ? <StatusMessage>{answerMessage}</StatusMessage> : null}
      {listOpen ? (
        <ReviewList
          key={open.id ?? 'none'}
          campaignId={campaign.id}
          managerId={open.id}
          managerName={open.name}
          progress={progress}
          message={answerMessage}
          answered={(summary) => {
            setAnswerMessage(summary);
            refresh();
          }}
        />
      ) : null}
    </section>
  );
}

export function ReviewsScreen() {
  const everySystem = useAdministersEverySystem();
  const [version, setVersion] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const campaigns = useQuery(() => api.reviews.status({}), `reviews:${version}`);
  const done = (text: string) => {
    setMessage(text);
    setVersion((v) => v + 1);
  };
  // Read the campaigns again without a message here: an answer says what it did beside its list.
  const refresh = () => {
    setMessage(null);
    setVersion((v) => v + 1);
  };
  return (
    <>
      <PageHeading>Access reviews</PageHeading>
      <p>
        Each line manager confirms their staff’s accounts: keep, remove (de-registered on their instruction)
        or change role (a request they authorised). Send each manager their email draft and record the answers
        here.
      </p>
      <ErrorAlert message={campaigns.error} />
      {message ? <StatusMessage>{message}</StatusMessage> : null}
      {/* Starting a review is for an administrator of every system (main refuses anyone else). */}
      {everySystem ? <StartReview done={done} /> : null}
      {(campaigns.value ?? []).map((c) => (
        <CampaignSection key={c.id} campaign={c} done={done} refresh={refresh} />
      ))}
    </>
  );
}
