/** inactivity run: the SUS-2 sweep, with one .eml notice per line manager written to --out. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseUkOrIsoDate } from '../../../../shared/dates';
import { londonDate } from '../../../../shared/policy/working-days';
import { ServiceContext } from '../../../service-context';
import { runInactivity } from '../../../services/inactivity';
import { NOTICE_FROM, noticeEmail, noticeFileName } from '../../../services/inactivity-email';
import { CliError, EXIT } from '../cli-error';
import type { Command } from './command';
import { count } from '../../../../shared/plural';

export const inactivityRunCommand: Command = {
  name: 'inactivity run',
  usage: 'gatehouse inactivity run [--as-of DATE] [--out DIR] --as NAME [--passphrase-file FILE]',
  summary:
    'Notify line managers of inactive accounts (.eml drafts to --out) and propose suspensions that are due (SUS-2).',
  flags: ['as-of', 'out', 'as', 'passphrase-file'],
  async run(cli) {
    const asOfText = cli.string('as-of');
    const asOf = asOfText === undefined ? londonDate(new Date()) : parseUkOrIsoDate(asOfText);
    if (!asOf) throw new CliError(`--as-of takes a date like 2026-11-30 (got "${asOfText}").`);
    const out = cli.string('out');
    const ctx = new ServiceContext((await cli.signIn()).deps);
    const run = runInactivity(ctx, asOf);
    const written: string[] = [];
    if (out && run.notices.length > 0) {
      mkdirSync(out, { recursive: true });
      const files = run.notices.map((notice, i) => ({
        notice,
        path: join(out, noticeFileName(asOf, i, notice.managerName)),
      }));
      const clash = files.find((f) => existsSync(f.path));
      if (clash)
        throw new CliError(
          `${clash.path} already exists; choose an empty --out folder. The notices are recorded; run with a new folder to write them.`,
        );
      for (const { notice, path } of files) {
        writeFileSync(path, noticeEmail(notice, asOf, NOTICE_FROM, new Date()), { mode: 0o600 });
        written.push(path);
      }
    }
    const staff = run.notices.reduce((n, m) => n + m.staff.length, 0);
    const lines = [
      `Inactivity sweep as of ${asOf}: ${count(staff, 'account')} newly notified to ${count(run.notices.length, 'line manager')}; ${count(run.proposed, 'suspension')} proposed; ${count(run.cleared, 'notice')} cleared by new activity.`,
      ...(written.length
        ? [`Email drafts written to ${out}:`, ...written.map((w) => `  ${w}`)]
        : run.notices.length
          ? ['Give --out DIR to write the email drafts.']
          : []),
    ];
    cli.print(lines.join('\n'), { ...run, files: written });
    return EXIT.ok;
  },
};
