import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Person } from '../../../shared/register';
import type { Core } from '../../../electron/core';
import { ServiceContext } from '../../../electron/service-context';
import { applyLeavers, previewLeavers } from '../../../electron/services/leavers-import';
import { giveAccount } from '../../support/register-fixtures';
import { activeAdminCore, must } from '../../support/temp-core';

async function trust() {
  const core = await activeAdminCore();
  const add = (name: string, team: string, employeeNumber?: string) =>
    must<Person>(core, 'people:create', {
      name,
      team,
      employmentType: 'permanent',
      ...(employeeNumber ? { employeeNumber } : {}),
    });
  const people = {
    siobhan: await add('Siobhán O’Neill', 'Newham Crisis Team', '1001'),
    johnA: await add('John Smith', 'Podiatry'),
    johnB: await add('John Smith', 'District Nursing North'),
    kemi: await add('Kemi Adeyemi', 'Payroll', '1004'),
  };
  giveAccount(core, people.siobhan.id, 'emis', 'Clinician');
  giveAccount(core, people.siobhan.id, 'network', 'Standard user');
  giveAccount(core, people.kemi.id, 'esr', 'Employee Self Service');
  return { core, ctx: new ServiceContext(core.deps), people };
}

const fingerprint = (core: Core) =>
  createHash('sha256')
    .update(
      JSON.stringify(
        core.session.store!.db.prepare('SELECT id, status, left_on FROM people ORDER BY id').all(),
      ),
    )
    .update(
      JSON.stringify(core.session.store!.db.prepare('SELECT id, status FROM accounts ORDER BY id').all()),
    )
    .digest('hex');

const AWKWARD = [
  '\uFEFF Employee Name , Department , Date Left ,Staff Number',
  '"O\'Neill, Siobhan",Newham Crisis,30/11/2026,',
  '  John Smith ,Health Visiting,2026-11-28,',
  'Kemi Adeyemi,Finance,15/11/2026,1004',
  'Nobody Known,Podiatry,01/11/2026,',
].join('\r\n');

describe('HR leavers report (DIS-3)', () => {
  it('reads the file as HR sends it and sorts rows into matched, ambiguous and not found', async () => {
    const { core, ctx, people } = await trust();
    const { rows, problems } = previewLeavers(ctx, 'leavers-november.csv', AWKWARD);
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.line, r.status])).toEqual([
      [2, 'matched'],
      [3, 'ambiguous'],
      [4, 'matched'],
      [5, 'not-found'],
    ]);
    expect(rows[0]).toMatchObject({
      leftOn: '2026-11-30',
      confidence: 0.9,
      candidates: [{ personId: people.siobhan.id, liveAccounts: 2 }],
    });
    expect(rows[1]!.candidates.map((c) => c.team).sort()).toEqual(['District Nursing North', 'Podiatry']);
    expect(rows[2]).toMatchObject({ confidence: 1, candidates: [{ personId: people.kemi.id }] });
    core.close();
  });

  it('applies matched rows and the ambiguous rows the administrator resolved, all in one go, and a second import changes nothing', async () => {
    const { core, ctx, people } = await trust();
    const applied = applyLeavers(ctx, 'leavers-november.csv', AWKWARD, new Map([[3, people.johnB.id]]));
    expect(applied.processed.map((p) => [p.line, p.personName])).toEqual([
      [2, 'Siobhán O’Neill'],
      [3, 'John Smith'],
      [4, 'Kemi Adeyemi'],
    ]);
    expect(applied.processed[0]!.outcomes.map((o) => `${o.systemName}: ${o.outcome}`).sort()).toEqual([
      'ELFT Network Access: deleted',
      'EMIS: disabled',
    ]);
    expect(applied.skipped).toEqual([
      { line: 5, name: 'Nobody Known', why: 'no one in the register matches' },
    ]);
    const { person: johnA } = await must<{ person: Person }>(core, 'people:get', { id: people.johnA.id });
    expect(johnA.status).toBe('active');
    const before = fingerprint(core);
    const again = applyLeavers(ctx, 'leavers-november.csv', AWKWARD, new Map([[3, people.johnB.id]]));
    expect(again.processed).toEqual([]);
    expect(again.skipped.filter((s) => s.why === 'already processed').map((s) => s.line)).toEqual([2, 3, 4]);
    expect(fingerprint(core)).toBe(before);
    core.close();
  });

  it('refuses a file whose structure is wrong, saying why', async () => {
    const { core, ctx } = await trust();
    expect(() => previewLeavers(ctx, 'staff.csv', 'name,team\nJohn Smith,Podiatry\n')).toThrow(
      /staff.csv is not a leavers report: it needs a leaving date column \(its header is: name, team\)/,
    );
    expect(() => previewLeavers(ctx, 'x.csv', 'name,date left\nJohn Smith,01/11/2026\n')).toThrow(
      /neither a team nor an employee number/,
    );
    expect(() => previewLeavers(ctx, 'x.csv', 'name;team;date left\nJohn;Podiatry;01/11/2026\n')).toThrow(
      /separates its fields with semicolons; Gatehouse reads comma-separated files/,
    );
    expect(() =>
      previewLeavers(ctx, 'x.csv', 'name,team,date left\n"Unclosed,Podiatry,01/11/2026\n'),
    ).toThrow(/Line 2: a quoted field is never closed/);
    core.close();
  });

  it('names the bad lines and applies nothing while any remains', async () => {
    const { core, ctx } = await trust();
    const bad = [
      'name,team,leaving date',
      'Kemi Adeyemi,Payroll,31/02/2026',
      ',Podiatry,01/11/2026',
      'Siobhán O’Neill,Newham Crisis Team,30/11/2026',
    ].join('\n');
    const { problems } = previewLeavers(ctx, 'bad.csv', bad);
    expect(problems).toEqual([
      'Line 2: leaving date "31/02/2026" is not a date (use 30/11/2026, 30-NOV-2026 or 2026-11-30).',
      'Line 3: no name.',
    ]);
    const before = fingerprint(core);
    expect(() => applyLeavers(ctx, 'bad.csv', bad, new Map())).toThrow(
      /bad.csv was not applied; nothing was changed/,
    );
    expect(fingerprint(core)).toBe(before);
    core.close();
  });

  it('treats a formula in a name cell as text that matches no one', async () => {
    const { core, ctx } = await trust();
    const { rows } = previewLeavers(
      ctx,
      'x.csv',
      "name,team,date left\n=cmd|' /C calc'!A0,Podiatry,01/11/2026\n",
    );
    expect(rows).toMatchObject([{ status: 'not-found', name: "=cmd|' /C calc'!A0" }]);
    core.close();
  });

  it('refuses a resolution that picks someone who is not a candidate, changing nothing', async () => {
    const { core, ctx, people } = await trust();
    const before = fingerprint(core);
    expect(() => applyLeavers(ctx, 'leavers.csv', AWKWARD, new Map([[3, people.kemi.id]]))).toThrow(
      /Line 3: the person chosen is not one of its candidates/,
    );
    expect(fingerprint(core)).toBe(before);
    core.close();
  });
});
