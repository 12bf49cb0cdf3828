/** leavers import: the monthly HR leavers report (DIS-3), previewed by default, applied with --apply. */
import { basename } from 'node:path';
import type { LeaverMatchView as LeaverMatch } from '../../../../shared/contract/leavers';
import { EXIT } from '../cli-error';
import type { Command } from './command';
import { count } from '../../../../shared/plural';

function describe(row: LeaverMatch): string {
  const who = `line ${row.line}: ${row.name}${row.team ? ` (${row.team})` : ''}, left ${row.leftOn}`;
  if (row.status === 'matched')
    return `  ${who} -> ${row.candidates[0]!.name}, ${count(row.candidates[0]!.liveAccounts, 'live account')}`;
  if (row.status === 'ambiguous')
    return `  ${who} -> one of: ${row.candidates.map((c) => `${c.name} (${c.team ?? 'no team'}, ${c.employeeNumber ?? 'no number'})`).join('; ')}`;
  return `  ${who}`;
}

export const leaversImportCommand: Command = {
  name: 'leavers import',
  channels: ['leavers:preview', 'leavers:apply'],
  usage: 'gatehouse leavers import --file FILE.csv [--apply] --as NAME [--passphrase-file FILE]',
  summary:
    'Preview the HR leavers report (matched, ambiguous, not found); --apply de-registers the matched leavers.',
  flags: ['file', 'apply', 'as', 'passphrase-file'],
  async run(cli) {
    const apply = cli.flags.apply === true;
    const { path: file, content } = cli.readFileFor(
      apply ? 'leavers:apply' : 'leavers:preview',
      'file',
      'Name the HR leavers report (CSV).',
    );
    await cli.signIn();
    const name = basename(file);
    const preview = await cli.call('leavers:preview', { fileName: name, content });
    if (apply && preview.problems.length === 0 && !preview.rows.some((r) => r.status === 'matched')) {
      // Running the same report again is a normal part of a script, not a failure.
      cli.print(
        `Nothing to apply from ${file}: ${count(preview.rows.length, 'row')} already processed, not found or ambiguous (see the preview).`,
        { processed: [], skipped: preview.rows.map((r) => ({ line: r.line, name: r.name, why: r.status })) },
      );
      return EXIT.ok;
    }
    if (apply) {
      // The apply reuses the preview the core holds for this file, so the file is matched once.
      const result = await cli.call('leavers:apply', { fileName: name, content, choices: [] });
      const lines = [
        `Processed ${count(result.processed.length, 'leaver')} from ${file}.`,
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
      cli.print(lines.join('\n'), result);
      return EXIT.ok;
    }
    const { rows, problems, notes } = preview;
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
