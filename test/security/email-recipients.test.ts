/**
 * Issue 10 §5: an inactivity notice goes only to the line manager it is for. A manager's name is a
 * display name, never a recipient list; a manager without a valid email gets no draft and is listed
 * as needing one.
 */
import { describe, expect, it } from 'vitest';
import type { Person } from '../../shared/register';
import { giveAccount } from '../support/register-fixtures';
import { activeAdminCore, must } from '../support/temp-core';

const MALLORY = 'Mallory <mallory@evil.example>, Bob Manager';
const LONG = 'Siobhán Ní Bhriain-Ó Súilleabháin, Consultant in Paediatric Intensive Care Medicine';

/** Header section of a message, with folded lines joined. */
function headers(eml: string): Map<string, string> {
  const unfolded = eml.slice(0, eml.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
  return new Map(
    unfolded
      .split('\r\n')
      .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]),
  );
}

/** RFC 2047 encoded words (Q or B), decoded; adjacent words join without the space between them. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi, (_m, kind: string, text: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_h, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

async function sweepWith(managers: { name: string; email?: string }[], invalidEmailFor?: string) {
  const core = await activeAdminCore();
  const db = core.session.store!.db;
  for (const [i, m] of managers.entries()) {
    const manager = await must<Person>(core, 'people:create', {
      name: m.name,
      employmentType: 'permanent',
      ...(m.email ? { email: m.email } : {}),
    });
    if (m.name === invalidEmailFor)
      db.prepare('UPDATE people SET email = ? WHERE id = ?').run(
        'bob@nhs.net, mallory@evil.example',
        manager.id,
      );
    const member = await must<Person>(core, 'people:create', {
      name: `Team Member ${i + 1}`,
      employmentType: 'permanent',
      lineManagerId: manager.id,
    });
    const account = giveAccount(core, member.id, 'rio', 'Clinician');
    db.prepare('UPDATE accounts SET last_activity_at = ? WHERE id = ?').run(
      '2026-08-01T10:00:00.000Z',
      account,
    );
  }
  const run = await must<{
    drafts: { managerName: string; content: string }[];
    needsEmail: { managerName: string; staff: number }[];
  }>(core, 'inactivity:run', { asOf: '2026-10-23' });
  core.close();
  return run;
}

describe('inactivity email drafts (issue 10 §5)', () => {
  it('gives one recipient per draft, the name only as a display name', async () => {
    const run = await sweepWith([
      { name: MALLORY, email: 'bob.manager@nhs.net' },
      { name: 'Smith, John', email: 'john.smith@nhs.net' },
      { name: LONG, email: 'siobhan@nhs.net' },
    ]);
    expect(run.drafts).toHaveLength(3);
    const to = new Map(run.drafts.map((d) => [d.managerName, headers(d.content).get('To')!]));
    // One address each, at the end in angle brackets; the name is quoted or encoded before it.
    const mallory = to.get(MALLORY)!;
    expect(mallory.match(/@/g)).toHaveLength(2); // the one inside the quoted name, and the address
    expect(mallory).toBe('"Mallory <mallory@evil.example>, Bob Manager" <bob.manager@nhs.net>');
    expect(to.get('Smith, John')).toBe('"Smith, John" <john.smith@nhs.net>');
    const long = run.drafts.find((d) => d.managerName === LONG)!.content;
    const rawTo = long.slice(
      long.indexOf('\r\nTo: ') + 2,
      long.indexOf('\r\n', long.indexOf('\r\nTo: ') + 2 + 80),
    );
    for (const word of rawTo.match(/=\?[^ ]*?\?=/g) ?? []) expect(word.length).toBeLessThanOrEqual(75);
    expect(decodeWords(to.get(LONG)!)).toBe(`${LONG} <siobhan@nhs.net>`);
  });

  it('makes no draft for a manager without a valid email address, and lists them as needing one', async () => {
    const run = await sweepWith(
      [
        { name: 'Ngozi Okafor', email: 'ngozi.okafor@nhs.net' },
        { name: 'No Email Manager' },
        { name: 'Bob Listed' },
      ],
      'Bob Listed',
    );
    expect(run.drafts.map((d) => d.managerName)).toEqual(['Ngozi Okafor']);
    expect(run.needsEmail).toHaveLength(2);
    expect(run.needsEmail).toEqual(
      expect.arrayContaining([
        { managerName: 'Bob Listed', staff: 1 },
        { managerName: 'No Email Manager', staff: 1 },
      ]),
    );
    expect(run.drafts.every((d) => !d.content.includes('evil.example'))).toBe(true);
  });
});
