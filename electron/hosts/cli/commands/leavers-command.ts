/** leavers import: the monthly HR leavers report (DIS-3), previewed by default, applied with --apply. */
import { basename } from 'node:path';
import { ServiceContext } from '../../../service-context';
import { applyLeavers, type LeaverMatch, previewLeavers } from '../../../services/leavers-import';
import { EXIT } from '../cli-error';
import type { Command } from './command';

function describe(row: LeaverMatch): string {
  const who = `line ${row.line}: ${row.name}${row.team ? ` (${row.team})` : ''}, left ${row.leftOn}`;
  if (row.status === 'matched')
    return `  ${who} -> ${row.candidates[0]!.name}, ${row.candidates[0]!.liveAccounts} live accounts`;
  if (row.status === 'ambiguous')
    return `  ${who} -> one of: ${row.candidates.map((c) => `${c.name} (${c.team ?? 'no team'}, ${c.employeeNumber ?? 'no number'})`).join('; ')}`;
  return `  ${who}`;
}

export const leaversImportCommand: Command = {
  name: 'leavers import',
  usage: 'gatehouse leavers import --file FILE.csv [--apply] --as NAME [--passphrase-file FILE]',
  summary:
    'Preview the HR leavers report (matched, ambiguous, not found); --apply de-registers the matched leavers.',
  flags: ['file', 'apply', 'as', 'passphrase-file'],
  async run(cli) {
    const { path: file, content } = cli.readTextFile('file', 'Name the HR leavers report (CSV).');
    const ctx = new ServiceContext((await cli.signIn()).deps);
    const name = basename(file);
    if (cli.flags.apply === true) {
      const result = applyLeavers(ctx, name, content, new Map());
      const lines = [
        `Processed ${result.processed.length} leavers from ${file}.`,
        ...result.processed.map(
          (p) =>
            `  line ${p.line}: ${p.personName}: ${p.outcomes.map((o) => `${o.systemName} ${o.outcome}`).join(', ') || 'no live accounts'}`,
        ),
        ...(result.skipped.length
          ? [
              `Skipped ${result.skipped.length}:`,
              ...result.skipped.map((s) => `  line ${s.line}: ${s.name}: ${s.why}`),
            ]
          : []),
      ];
      cli.print(
        result.processed.length === 0
          ? `Nothing to apply from ${file}: ${result.skipped.length} rows skipped (see the preview).`
          : lines.join('\n'),
        result,
      );
      return EXIT.ok;
    }
    const { rows, problems, notes } = previewLeavers(ctx, name, content);
    const group = (status: LeaverMatch['status'], title: string) => {
      const matching = rows.filter((r) => r.status === status);
      return matching.length ? [`${title} (${matching.length}):`, ...matching.map(describe)] : [];
    };
    const text = [
      ...notes,
      ...group('matched', 'Matched'),
      ...group('ambiguous', 'Ambiguous: resolve on the Leavers screen'),
      ...group('not-found', 'Not found in the register'),
      ...group('already-left', 'Already processed'),
      ...(problems.length
        ? ['Problems (nothing can be applied until they are fixed):', ...problems.map((p) => `  ${p}`)]
        : []),
    ].join('\n');
    cli.print(rows.length > 0 || problems.length > 0 ? text : `${file} lists no leavers.`, {
      rows,
      problems,
      notes,
    });
    return problems.length > 0 ? EXIT.badInput : EXIT.ok;
  },
};
