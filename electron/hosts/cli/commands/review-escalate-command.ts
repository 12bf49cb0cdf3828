/**
 * review escalate: escalate what is unanswered after an access review's due date to each line
 * manager's own manager, and write one .eml draft per senior manager to --out (issue 13 §3).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { count } from '../../../../shared/plural';
import { CliError, EXIT } from '../cli-error';
import type { Command } from './command';

export const reviewEscalateCommand: Command = {
  name: 'review escalate',
  channels: ['reviews:escalate', 'reviews:escalationEmails'],
  usage:
    'gatehouse review escalate --campaign ID [--out DIR] --as NAME [--passphrase-file FILE]\n  ID: from gatehouse review status',
  summary:
    'Escalate an access review’s unanswered accounts past the due date to the senior managers (.eml drafts to --out).',
  flags: ['campaign', 'out', 'as', 'passphrase-file'],
  async run(cli) {
    const campaignId = cli.required(
      'campaign',
      'Name the review with --campaign ID (gatehouse review status lists them).',
    );
    const out = cli.string('out');
    await cli.signIn();
    const escalated = await cli.call('reviews:escalate', { campaignId });
    // Every escalated account still unanswered, this time's and earlier ones': running again rewrites nothing.
    const { scope, drafts, needsEmail, noSenior } = await cli.call('reviews:escalationEmails', {
      campaignId,
    });
    const written: string[] = [];
    if (out && drafts.length > 0) {
      mkdirSync(out, { recursive: true });
      const files = drafts.map((draft) => ({ ...draft, path: join(out, draft.fileName) }));
      const clash = files.find((f) => existsSync(f.path));
      if (clash)
        throw new CliError(
          `${clash.path} already exists; choose an empty --out folder. The escalation is recorded; run again with a new folder to write the drafts.`,
        );
      for (const { content, path } of files) {
        cli.writeNewFile(path, content);
        written.push(path);
      }
    }
    const lines = [
      `Escalated ${count(escalated.escalated, 'unanswered account')} in the access review of ${scope}${escalated.seniorManagers.length ? ` to ${escalated.seniorManagers.join(', ')}` : ''}.`,
      ...(written.length
        ? [`Email drafts written to ${out}:`, ...written.map((w) => `  ${w}`)]
        : drafts.length
          ? ['Give --out DIR to write the email drafts.']
          : []),
      ...needsEmail.map(
        (m) =>
          `${m.managerName} needs an email address (${count(m.accounts, 'account')}): no draft was made; record their email in the register and tell them directly.`,
      ),
      ...noSenior.map(
        (m) =>
          `${m.managerName} (${count(m.accounts, 'account')}): no senior manager is recorded above them; record their line manager in the register or follow it up directly.`,
      ),
    ];
    cli.print(lines.join('\n'), { ...escalated, scope, needsEmail, noSenior, files: written });
    return EXIT.ok;
  },
};
