/** review start|status: access review campaigns (issue 13 §3), through the router. */
import type { ReviewScope } from '../../../../shared/access-reviews';
import { CliError, EXIT } from '../cli-error';
import type { Command } from './command';

const SCOPES = 'trust, system:SYSTEM_ID or team:TEAM';
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function parseScope(text: string): ReviewScope {
  if (text === 'trust') return { kind: 'trust' };
  const [kind, ...rest] = text.split(':');
  const value = rest.join(':').trim();
  if (kind === 'system' && value) return { kind: 'system', systemId: value };
  if (kind === 'team' && value) return { kind: 'team', team: value };
  throw new CliError(`--scope is ${SCOPES} (got "${text}").`);
}

export const reviewStartCommand: Command = {
  name: 'review start',
  channels: ['reviews:start'],
  usage: `gatehouse review start --scope SCOPE --due DATE --as NAME [--passphrase-file FILE]\n  SCOPE: ${SCOPES}`,
  summary: 'Start an access review of the Trust, a system or a team: one list per line manager.',
  flags: ['scope', 'due', 'as', 'passphrase-file'],
  async run(cli) {
    const scope = parseScope(cli.required('scope', `Choose the scope: ${SCOPES}.`));
    const dueOn = cli.required('due', 'Give the due date, e.g. --due 2026-12-31.');
    await cli.signIn();
    const campaign = await cli.call('reviews:start', { scope, dueOn });
    cli.print(
      `Started the access review of ${campaign.scope}, due ${campaign.dueOn}: ${count(campaign.items, 'account', 'accounts')} for ${count(campaign.managers.length, 'line manager', 'line managers')}.`,
      campaign,
    );
    return EXIT.ok;
  },
};

export const reviewStatusCommand: Command = {
  name: 'review status',
  channels: ['reviews:status'],
  usage: 'gatehouse review status [--json] --as NAME [--passphrase-file FILE]',
  summary: 'Each access review with its answers so far, and what is overdue.',
  flags: ['as', 'passphrase-file'],
  async run(cli) {
    await cli.signIn();
    const campaigns = await cli.call('reviews:status', {});
    const lines = campaigns.map(
      (c) =>
        `${c.scope}: ${c.state}${c.overdue ? ', overdue' : ''}, due ${c.dueOn}; ${c.answered} of ${count(c.items, 'account', 'accounts')} answered (--campaign ${c.id}).`,
    );
    cli.print(lines.length === 0 ? 'No access reviews yet.' : lines.join('\n'), campaigns);
    return EXIT.ok;
  },
};
