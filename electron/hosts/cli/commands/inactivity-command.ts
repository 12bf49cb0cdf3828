/** inactivity run: the SUS-2 sweep, with one .eml notice per line manager written to --out. */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseUkOrIsoDate } from '../../../../shared/dates';
import { CliError, EXIT } from '../cli-error';
import type { Command } from './command';
import { count } from '../../../../shared/plural';

export const inactivityRunCommand: Command = {
  name: 'inactivity run',
  channels: ['inactivity:run'],
  usage: 'gatehouse inactivity run [--as-of DATE] [--out DIR] --as NAME [--passphrase-file FILE]',
  summary:
    'Notify line managers of inactive accounts (.eml drafts to --out) and propose suspensions that are due (SUS-2).',
  flags: ['as-of', 'out', 'as', 'passphrase-file'],
  async run(cli) {
    const asOfText = cli.string('as-of');
    const asOf = asOfText === undefined ? undefined : parseUkOrIsoDate(asOfText);
    if (asOf === null) throw new CliError(`--as-of takes a date like 2026-11-30 (got "${asOfText}").`);
    const out = cli.string('out');
    await cli.signIn();
    const { drafts, ...run } = await cli.call('inactivity:run', asOf === undefined ? {} : { asOf });
    const { needsEmail } = run;
    const written: string[] = [];
    if (out && drafts.length > 0) {
      mkdirSync(out, { recursive: true });
      const files = drafts.map((draft) => ({ ...draft, path: join(out, draft.fileName) }));
      const clash = files.find((f) => existsSync(f.path));
      if (clash)
        throw new CliError(
          `${clash.path} already exists; choose an empty --out folder. The notices are recorded; run with a new folder to write them.`,
        );
      for (const { content, path } of files) {
        cli.writeNewFile(path, content);
        written.push(path);
      }
    }
    const staff = run.notices.reduce((n, m) => n + m.staff.length, 0);
    const lines = [
      `Inactivity sweep as of ${run.asOf}: ${count(staff, 'account')} newly notified to ${count(run.notices.length, 'line manager')}; ${count(run.proposed, 'suspension')} proposed; ${count(run.cleared, 'notice')} cleared by new activity.`,
      ...(written.length
        ? [`Email drafts written to ${out}:`, ...written.map((w) => `  ${w}`)]
        : drafts.length
          ? ['Give --out DIR to write the email drafts.']
          : []),
      ...needsEmail.map(
        (m) =>
          `${m.managerName} needs an email address (${count(m.staff, 'account')}): no draft was made; record their email in the register and tell them directly.`,
      ),
    ];
    cli.print(lines.join('\n'), {
      asOf: run.asOf,
      notices: run.notices,
      proposed: run.proposed,
      cleared: run.cleared,
      needsEmail,
      files: written,
    });
    return EXIT.ok;
  },
};
