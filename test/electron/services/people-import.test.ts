import { describe, expect, it } from 'vitest';
import type { Person, PersonSummary } from '../../../shared/register';
import type { Core } from '../../../electron/core';
import { activeAdminCore, must } from '../../support/temp-core';

const count = (core: Core) =>
  (core.session.store!.db.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n;

const GOOD = [
  '\uFEFFEmployee Number,Full Name,Job Title,Team,Line Manager Employee Number,Contract Type,End Date,UUID',
  '1001,"Okafor, Ngozi",Team Manager,Newham Crisis Team,,Permanent,,',
  '1002,Siobhán O’Neill,Staff Nurse,Newham Crisis Team,1001,temporary,31/03/2027,555512345678',
  '1003,"Tom ""TJ"" Jones",Support Worker,Newham Crisis Team,1001,fixed term,2027-06-30,',
].join('\r\n');

describe('people import', () => {
  it('imports a file as people write it: BOM, quotes, UK dates, loose headers, managers in the same file', async () => {
    const core = await activeAdminCore();
    expect(await must(core, 'people:import', { fileName: 'staff.csv', content: GOOD })).toEqual({
      imported: 3,
      notes: [],
    });
    const [found] = (await must<{ results: PersonSummary[] }>(core, 'people:search', { query: 'siobhan' }))
      .results;
    const { person } = await must<{ person: Person }>(core, 'people:get', { id: found!.id });
    expect(person).toMatchObject({
      employmentType: 'temporary',
      finishingDate: '2027-03-31',
      smartcardUuid: '555512345678',
      // Stored as the register writes names, not as the file did ("Surname, First").
      lineManager: { name: 'Ngozi Okafor' },
    });
    expect(
      (await must<{ results: PersonSummary[] }>(core, 'people:search', { query: 'TJ' })).results[0]?.name,
    ).toBe('Tom "TJ" Jones');
    core.close();
  });

  it('refuses the whole file, naming every bad line, and imports nothing', async () => {
    const core = await activeAdminCore();
    const bad = [
      'employee number,name,employment type,finishing date,line manager employee number',
      '2001,Good Person,permanent,,',
      '2002,,permanent,,',
      '2003,Temp Without Date,temporary,,',
      '2004,Odd Date,fixed-term,31/02/2027,',
      '2001,Duplicate Number,permanent,,',
      '2006,Orphan,permanent,,9999',
      '2007,Strange Contract,zero-hours,,',
    ].join('\n');
    const refused = await core.call('people:import', { fileName: 'leavers.csv', content: bad });
    const message = refused.ok ? '' : refused.error.message;
    expect(message).toMatch(/^leavers.csv was not imported; nothing was changed/);
    for (const expected of [
      /Line 3: .*Enter a name/,
      /Line 4: temporary staff need a finishing date \(REG-11\)/,
      /Line 5: finishing date "31\/02\/2027" is not a date/,
      /Line 6: employee number 2001 is also on line 2/,
      /Line 7: line manager 9999 is neither in the file nor in the register/,
      /Line 8: unknown employment type "zero-hours"/,
    ]) {
      expect(message).toMatch(expected);
    }
    expect(count(core)).toBe(0);
    core.close();
  });

  it('refuses a file without a name column or with a broken quote', async () => {
    const core = await activeAdminCore();
    expect(await core.call('people:import', { fileName: 'x.csv', content: 'id,team\n1,A\n' })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/no "name" column/) },
    });
    expect(
      await core.call('people:import', { fileName: 'x.csv', content: 'name\n"Unclosed\n' }),
    ).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/Line 2: a quoted field is never closed/) },
    });
    expect(count(core)).toBe(0);
    core.close();
  });
});

describe('demo data', () => {
  it('is the same Trust for the same seed, and different for another', async () => {
    const names = async (seed: number) => {
      const core = await activeAdminCore();
      const summary = await must<{ people: number; accounts: number }>(core, 'people:generateDemo', {
        people: 300,
        seed,
      });
      const people = (
        await must<{ results: PersonSummary[] }>(core, 'people:search', { query: '', limit: 300 })
      ).results.map((p) => `${p.id} ${p.name} ${p.team}`);
      core.close();
      return { summary, people };
    };
    const a = await names(42);
    const b = await names(42);
    const c = await names(43);
    expect(b).toEqual(a);
    expect(c.people).not.toEqual(a.people);
    expect(a.summary.accounts / a.summary.people).toBeGreaterThan(5);
  });

  it('goes only into an empty register', async () => {
    const core = await activeAdminCore();
    await must(core, 'people:create', { name: 'Real Person', employmentType: 'permanent' });
    expect(await core.call('people:generateDemo', { people: 10, seed: 1 })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/already holds people/) },
    });
    core.close();
  });
});
