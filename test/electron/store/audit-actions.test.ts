/**
 * One list of audit actions, each with its words (issue 9 §6: the Audit screen once showed 13 actions
 * by their raw code). The type keeps services to the list; these tests keep the list whole.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NewAuditEvent } from '../../../electron/store/audit-log';
import {
  AUDIT_ACTION_LABELS,
  AUDIT_ACTIONS,
  describeAuditAction,
  isAuditAction,
} from '../../../shared/audit-actions';
import type { Suspension } from '../../../shared/access-changes';
import type { AuditEvent } from '../../../shared/model';
import type { Person } from '../../../shared/register';
import { giveAccount } from '../../support/register-fixtures';
import { ROOT } from '../../support/run-cli';
import { activeAdminCore, must } from '../../support/temp-core';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** Every `domain.verb` literal the main-process code writes where an audit action goes. */
function writtenActions(): string[] {
  const found = new Set<string>();
  for (const file of sources(join(ROOT, 'electron'))) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/action: '([a-z]+\.[a-z-]+)'/g)) found.add(match[1]!);
    // advance(ctx, id, change, 'request.authorised'): the action is an argument.
    for (const match of text.matchAll(/^\s*'(request\.[a-z-]+)',?$/gm)) found.add(match[1]!);
    // Actions built from a contract's choices, e.g. `orphan.${state}`.
    for (const match of text.matchAll(/action: `([a-z]+)\.\$\{/g)) found.add(`${match[1]!}.*`);
  }
  return [...found].sort();
}

describe('audit actions', () => {
  it('has words, distinct from the code, for every action in the list', () => {
    for (const action of AUDIT_ACTIONS) {
      expect(AUDIT_ACTION_LABELS[action], action).toMatch(/^[A-Z]/);
      expect(AUDIT_ACTION_LABELS[action]).not.toBe(action);
    }
    expect(new Set(Object.values(AUDIT_ACTION_LABELS)).size).toBe(AUDIT_ACTIONS.length);
  });

  it('lists every action a service writes', () => {
    const written = writtenActions();
    expect(written.length).toBeGreaterThan(40);
    for (const action of written) {
      if (action.endsWith('.*')) {
        const domain = action.slice(0, -1);
        expect(
          AUDIT_ACTIONS.some((a) => a.startsWith(domain)),
          action,
        ).toBe(true);
      } else expect(isAuditAction(action), action).toBe(true);
    }
  });

  it('refuses, at compile time, an action not in the list', () => {
    // @ts-expect-error an audit action must be one of AUDIT_ACTIONS
    const event: NewAuditEvent = { action: 'report.printed' };
    expect(isAuditAction(event.action)).toBe(false);
  });

  it('names the actions the Audit screen once showed as codes, and tells CSV and PDF exports apart', async () => {
    for (const action of [
      'esr.imported',
      'esr.accepted',
      'esr.rejected',
      'smartcard.checked',
      'smartcard.linked',
      'orphan.linked',
      'orphan.removal-raised',
      'orphan.removed',
      'inactivity.run',
      'report.exported',
    ])
      expect(describeAuditAction({ action }), action).not.toBe(action);

    const core = await activeAdminCore();
    for (const format of ['csv', 'pdf'] as const)
      await must(core, 'reports:export', { name: 'accounts', month: '2026-11', format });
    await must(core, 'inactivity:run', {});
    const { events } = await must<{ events: AuditEvent[] }>(core, 'audit:list', { limit: 500 });
    const words = events.map((event) => describeAuditAction(event));
    expect(words).toEqual(expect.arrayContaining(['Report exported as CSV', 'Report exported as PDF']));
    expect(words).toContain('Inactivity check run');
    for (const event of events) expect(isAuditAction(event.action), event.action).toBe(true);
    core.close();
  });

  it('names the system a suspension and its lift are on (issue 12 §5)', async () => {
    const core = await activeAdminCore();
    const sam = await must<Person>(core, 'people:create', { name: 'Sam Patel', employmentType: 'permanent' });
    const rio = giveAccount(core, sam.id, 'rio', 'Clinician');
    const suspension = await must<Suspension>(core, 'suspensions:suspend', {
      accountId: rio,
      reason: 'security-investigation',
      instructedBy: 'Dr A Director',
      instructedRole: 'director',
      urgent: false,
      reviewOn: '2026-12-21',
    });
    await must(core, 'suspensions:lift', { suspensionId: suspension.id, reason: 'No case to answer' });
    const { events } = await must<{ events: AuditEvent[] }>(core, 'audit:list', { limit: 500 });
    const words = events.map((event) => describeAuditAction(event));
    expect(words).toEqual(expect.arrayContaining(['Account suspended (RiO)', 'Suspension lifted (RiO)']));
    core.close();
  });
});
