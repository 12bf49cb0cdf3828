/**
 * Issue 5 §7, issue 9 §5 §6, issue 10 §5: a corpus of malformed and awkward files, put through every
 * importer. Each gives a clear error or a correct result, and never changes part of the register: a
 * refused file leaves every table, and the audit trail, exactly as it was.
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
  {
    name: 'saved as UTF-16 without a byte-order mark',
    file: (i) => Buffer.from(`${HEADERS[i]}\r\n${GOOD_ROW[i]}\r\n`, 'utf16le').toString('utf8'),
    error: /saved as UTF-16/,
  },
  {
    name: 'binary with NUL bytes',
    file: (i) => `${HEADERS[i]}\n${GOOD_ROW[i]}\u0000\u0000\u0001\u0002\n`,
    error: /is not a text \(CSV\) file: it holds binary data.*CSV UTF-8 \(Comma delimited\)/,
  },
  {
    name: 'a workbook (.xlsx) rather than its CSV',
    file: () =>
      Buffer.from([0x50, 0x4b, 3, 4, 0x14, 0, 6, 0, 8, 0, 0, 0, 0x21, 0, 0xa1, 0xc3]).toString('utf8'),
    error: /is not a text \(CSV\) file/,
  },
  {
    name: 'a header of a million columns',
    file: (i) => `${HEADERS[i]},${'C,'.repeat(1_000_000)}\n${GOOD_ROW[i]}\n`,
    error:
      /line 1 has 1,000,00\d columns \(it starts: [^)]*, … \(1,000,00\d columns\)\)\. Check that you chose the right file\./,
  },
  {
    name: 'a control character in the first field of a line',
    file: (i) =>
      `${HEADERS[i]}\n${GOOD_ROW[i]}\n${GOOD_ROW[i].replace(/^(\w)/, '$1\u0007').replace('E9', 'E8')}\n`,
    error: /Line 3: the [\w ]+ contains a control character \(U\+0007\)/,
  },
  {
    name: 'a header smuggled into the first field of a line',
    file: (i) =>
      `${HEADERS[i]}\n${GOOD_ROW[i]}\n"${GOOD_ROW[i].split(',')[0]}\r\nBcc: x@evil.example",${GOOD_ROW[i].split(',').slice(1).join(',').replace('E9', 'E8')}\n`,
    error: /Line 3: the [\w ]+ contains a line break/,
  },
  {
    name: 'a total with more lines after it',
    file: (i) => `${HEADERS[i]}\n${GOOD_ROW[i]}\nTotal: 1\n${GOOD_ROW[i].replace('E9', 'E8')}\n`,
    error: /summary line on line 3 \("Total: 1"\) with more lines after it/,
  },
  {
    name: 'a report title above something that is not a header',
    file: () => 'Leavers Report\nPeriod: 01-NOV-2026 to 30-NOV-2026\nWard,Bed,Patient\n5,12,Someone\n',
    error: /needs|not a|has no|lacks/i,
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
        // A refusal quotes a few fields at most, never the file back (issue 9 §6).
        if (!result.ok) expect(result.error.message.length, `${importer}: ${sample.name}`).toBeLessThan(1000);
        expect(snapshot(core), `${importer}: ${sample.name}`).toEqual(before);
      }
      core.close();
    });
  }

  for (const importer of ['leavers', 'activity', 'esr', 'people'] as const) {
    it(`the ${importer} import reads a good line under a report title, between empty columns and above a total, and says so (issue 9 §5)`, async () => {
      const core = await trust();
      const content = [
        `${importer} report,,,,`,
        'Run date: 23-NOV-2026,,,,',
        ',,,,',
        `${HEADERS[importer]},,`,
        `${GOOD_ROW[importer]},,`,
        ',,,,',
        'Total: 1,,,,',
        'End of report,,,,',
      ].join('\r\n');
      const notes =
        'Skipped the report title on lines 1-3, the summary on lines 7-8 ("Total: 1") and 2 empty columns after the last heading.';
      if (importer === 'leavers') {
        const preview = await must<{ rows: { line: number }[]; notes: string[] }>(core, 'leavers:preview', {
          fileName: 'r.csv',
          content,
        });
        expect(preview.rows.map((r) => r.line)).toEqual([5]);
        expect(preview.notes).toEqual([notes]);
      } else {
        const result = await call(core, importer, content);
        expect(result).toMatchObject({ ok: true, value: { notes: [notes] } });
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
