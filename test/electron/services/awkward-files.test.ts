/**
 * Issue 5 §7: a corpus of malformed and awkward files, put through every importer. Each gives a clear
 * error or a correct result, and never changes part of the register: a refused file leaves every
 * table, and the audit trail, exactly as it was.
 */
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core';
import type { Person } from '../../../shared/register';
import { giveAccount } from '../../support/register-fixtures';
import { activeAdminCore, must } from '../../support/temp-core';

type Importer = 'leavers' | 'activity' | 'esr' | 'people';

const HEADERS: Record<Importer, string> = {
  leavers: 'Name,Team,Date Left',
  activity: 'Username,Last sign-in',
  esr: 'Change Type,Employee Number,Name,Effective Date',
  people: 'Name,Employee Number,Team',
};

const GOOD_ROW: Record<Importer, string> = {
  leavers: 'Sam Patel,Podiatry,30/11/2026',
  activity: 'user-rio,20/11/2026',
  esr: 'Starter,E9,Kofi Boateng,01/12/2026',
  people: 'Kofi Boateng,E9,Podiatry',
};

function call(core: Core, importer: Importer, content: string) {
  const fileName = `${importer}.csv`;
  switch (importer) {
    case 'leavers':
      return core.call('leavers:apply', { fileName, content, choices: [] });
    case 'activity':
      return core.call('activity:import', { systemId: 'rio', fileName, content });
    case 'esr':
      return core.call('esr:import', { fileName, content });
    case 'people':
      return core.call('people:import', { fileName, content });
  }
}

/** Everything an import could touch, as counts and a hash of the audit chain's head. */
function snapshot(core: Core) {
  const db = core.session.store!.db;
  const one = (sql: string) => Object.values(db.prepare(sql).get() as object)[0];
  return {
    people: one('SELECT count(*) FROM people'),
    leavers: one("SELECT count(*) FROM people WHERE status = 'leaver'"),
    accounts: one("SELECT group_concat(status || ':' || coalesce(last_activity_at, '')) FROM accounts"),
    tasks: one('SELECT count(*) FROM tasks'),
    orphans: one('SELECT count(*) FROM orphan_accounts'),
    esr: one('SELECT count(*) FROM esr_changes'),
    audit: one('SELECT max(seq) FROM audit_events'),
  };
}

async function trust() {
  const core = await activeAdminCore();
  const sam = await must<Person>(core, 'people:create', {
    name: 'Sam Patel',
    team: 'Podiatry',
    employmentType: 'permanent',
  });
  giveAccount(core, sam.id, 'rio', 'Clinician');
  return core;
}

const utf16 = (text: string) => Buffer.from(`\uFEFF${text}`, 'utf16le').toString('utf8');
const windows1252 = (text: string) => Buffer.from(text, 'latin1').toString('utf8');

const CORPUS: { name: string; file: (i: Importer) => string; error: RegExp }[] = [
  {
    name: 'saved as UTF-16',
    file: (i) => utf16(`${HEADERS[i]}\r\n${GOOD_ROW[i]}\r\n`),
    error: /saved as UTF-16.*CSV UTF-8 \(Comma delimited\)/,
  },
  {
    name: 'saved as Windows-1252 with an accented name',
    file: (i) => windows1252(`${HEADERS[i]}\r\n${GOOD_ROW[i]}\r\né${GOOD_ROW[i]}\r\n`),
    error: /Line 3: the file is not UTF-8 text/,
  },
  {
    name: 'separated by semicolons',
    file: (i) => `${HEADERS[i].replaceAll(',', ';')}\n${GOOD_ROW[i].replaceAll(',', ';')}\n`,
    error: /separates its fields with semicolons/,
  },
  {
    name: 'separated by tabs',
    file: (i) => `${HEADERS[i].replaceAll(',', '\t')}\n${GOOD_ROW[i].replaceAll(',', '\t')}\n`,
    error: /separates its fields with tabs/,
  },
  {
    name: 'a quote left open',
    file: (i) => `${HEADERS[i]}\n"${GOOD_ROW[i]}\n`,
    error: /Line 2: a quoted field is never closed/,
  },
  {
    name: 'empty',
    file: () => '',
    error: /empty/i,
  },
  {
    name: 'the columns of another file',
    file: () => 'Ward,Bed,Patient\n5,12,Someone\n',
    error: /needs|not a|has no|lacks/i,
  },
  {
    name: 'an impossible date on the second row',
    file: (i) =>
      `${HEADERS[i]}\n${GOOD_ROW[i]}\n${GOOD_ROW[i].replace(/\d\d\/11\/2026|01\/12\/2026/, '31/02/2026').replace('E9', 'E8')}\n`,
    error: /Line 3/,
  },
];

describe('awkward files, through every importer (issue 5 §7)', () => {
  for (const importer of ['leavers', 'activity', 'esr', 'people'] as const) {
    it(`the ${importer} import refuses each bad file with a clear message and changes nothing`, async () => {
      const core = await trust();
      const before = snapshot(core);
      for (const sample of CORPUS) {
        if (sample.name.startsWith('an impossible date') && importer === 'people') continue; // no date column
        const result = await call(core, importer, sample.file(importer));
        expect(result.ok, `${importer}: ${sample.name}`).toBe(false);
        if (!result.ok) expect(result.error.message, `${importer}: ${sample.name}`).toMatch(sample.error);
        expect(snapshot(core), `${importer}: ${sample.name}`).toEqual(before);
      }
      core.close();
    });
  }

  it('reads an awkward but valid file correctly: BOM, CRLF, quoted commas, stray spaces, varied header case', async () => {
    const core = await trust();
    const result = await must<{ processed: { personName: string }[] }>(core, 'leavers:apply', {
      fileName: 'leavers.csv',
      content: '\uFEFF  NAME , team ,DATE LEFT\r\n"Patel, Sam" ,  Podiatry , 30/11/2026 \r\n\r\n',
      choices: [],
    });
    expect(result.processed.map((p) => p.personName)).toEqual(['Sam Patel']);
    core.close();
  });
});
