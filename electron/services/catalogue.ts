/**
 * The catalogue (CAT-1, CAT-2): listing, editing each system's settings, and the bank holidays the
 * SLA clock uses. Every change is audited with the fields' values before and after.
 */
import type { CatalogueSystem, SystemChanges } from '../../shared/catalogue';
import type { Json } from '../../shared/canonical-json';
import { parseGovUkBankHolidays } from '../../shared/policy/bank-holidays';
import type { Handlers } from '../service-context';
import { getSystem, listSystems } from '../store/catalogue-queries';
import type { Db } from '../store/database';
import { GatehouseError } from '../store/errors';
import { count } from '../../shared/plural';

const COLUMNS: Partial<Record<keyof SystemChanges, string>> = {
  administratorTitle: 'administrator_title',
  contactRoute: 'contact_route',
  description: 'description',
  deletionAllowed: 'deletion_allowed',
  directCareOnly: 'direct_care_only',
  inactivityDays: 'inactivity_days',
  slaTargetDays: 'sla_target_days',
  slaInterimDays: 'sla_interim_days',
  procedureLocation: 'procedure_location',
  procedureReviewedOn: 'procedure_reviewed_on',
};

export function requireSystem(db: Db, id: string): CatalogueSystem {
  const system = getSystem(db, id);
  if (!system) throw new GatehouseError('NOT_FOUND', `There is no system "${id}" in the catalogue.`);
  return system;
}

function checkChanges(current: CatalogueSystem, changes: SystemChanges): void {
  const target = changes.slaTargetDays ?? current.slaTargetDays;
  const interim = changes.slaInterimDays ?? current.slaInterimDays;
  if (interim < target) {
    throw new GatehouseError(
      'INVALID_INPUT',
      `The interim standard (${count(interim, 'working day')}) cannot be shorter than the target (${count(target, 'working day')}).`,
    );
  }
  if (changes.roles) {
    const names = changes.roles.map((r) => r.name.toLocaleLowerCase('en-GB'));
    const repeated = names.find((name, i) => names.indexOf(name) !== i);
    if (repeated)
      throw new GatehouseError(
        'INVALID_INPUT',
        `The role "${repeated}" is listed twice. Give each role once.`,
      );
  }
  if (changes.licenceAllocations) {
    const keys = changes.licenceAllocations.map(
      (a) => `${a.organisation.toLocaleLowerCase('en-GB')}|${a.year}`,
    );
    if (new Set(keys).size !== keys.length) {
      throw new GatehouseError(
        'INVALID_INPUT',
        'Each organisation has one licence allocation per year; remove the duplicate.',
      );
    }
  }
}

function changedFields(before: CatalogueSystem, changes: SystemChanges): (keyof SystemChanges)[] {
  return (Object.keys(changes) as (keyof SystemChanges)[]).filter(
    (key) => JSON.stringify(changes[key]) !== JSON.stringify(before[key]),
  );
}

export const catalogueHandlers: Pick<
  Handlers,
  'catalogue:list' | 'catalogue:get' | 'catalogue:update' | 'catalogue:importBankHolidays'
> = {
  'catalogue:list': (ctx) => listSystems(ctx.db()),

  'catalogue:get': (ctx, input) => requireSystem(ctx.db(), input.id),

  'catalogue:update': (ctx, input) => {
    const db = ctx.db();
    const before = requireSystem(db, input.id);
    ctx.requireSystemScope(before.id);
    checkChanges(before, input.changes);
    const fields = changedFields(before, input.changes);
    if (fields.length === 0)
      throw new GatehouseError('CONFLICT', `Nothing to save: ${before.name} already has those settings.`);
    ctx.transact((audit) => {
      for (const field of fields) {
        const column = COLUMNS[field];
        const value = input.changes[field];
        if (column)
          db.prepare(`UPDATE systems SET ${column} = ? WHERE id = ?`).run(
            typeof value === 'boolean' ? Number(value) : (value as string | number | null),
            input.id,
          );
      }
      if (fields.includes('roles') && input.changes.roles) {
        db.prepare('DELETE FROM system_roles WHERE system_id = ?').run(input.id);
        const insert = db.prepare(
          'INSERT INTO system_roles (system_id, name, prerequisites, position) VALUES (?, ?, ?, ?)',
        );
        input.changes.roles.forEach((role, i) =>
          insert.run(input.id, role.name, JSON.stringify(role.prerequisites), i),
        );
      }
      if (fields.includes('licenceAllocations') && input.changes.licenceAllocations) {
        db.prepare('DELETE FROM licence_allocations WHERE system_id = ?').run(input.id);
        const insert = db.prepare(
          'INSERT INTO licence_allocations (system_id, organisation, year, allocation) VALUES (?, ?, ?, ?)',
        );
        for (const a of input.changes.licenceAllocations)
          insert.run(input.id, a.organisation, a.year, a.allocation);
      }
      audit({
        action: 'catalogue.system-updated',
        subject: { type: 'system', id: input.id, label: before.name },
        reason: input.reason ?? null,
        before: Object.fromEntries(fields.map((f) => [f, before[f] as Json])),
        after: Object.fromEntries(fields.map((f) => [f, input.changes[f] as Json])),
      });
    });
    return requireSystem(db, input.id);
  },

  'catalogue:importBankHolidays': (ctx, input) => {
    ctx.requireUnscoped();
    const parsed = parseGovUkBankHolidays(input.content);
    if (!parsed.ok) throw new GatehouseError('INVALID_INPUT', `${input.fileName}: ${parsed.message}`);
    const db = ctx.db();
    let added = 0;
    ctx.transact((audit) => {
      const insert = db.prepare(
        'INSERT INTO bank_holidays (date, title) VALUES (?, ?) ON CONFLICT (date) DO UPDATE SET title = excluded.title',
      );
      for (const holiday of parsed.holidays) {
        const existed = db.prepare('SELECT 1 FROM bank_holidays WHERE date = ?').get(holiday.date);
        insert.run(holiday.date, holiday.title);
        if (!existed) added += 1;
      }
      audit({
        action: 'catalogue.bank-holidays-imported',
        subject: { type: 'file', id: input.fileName, label: input.fileName },
        after: { inFile: parsed.holidays.length, added },
      });
    });
    const summary = db
      .prepare<[], { total: number; latest: string | null }>(
        'SELECT count(*) AS total, max(date) AS latest FROM bank_holidays',
      )
      .get();
    return { added, total: summary?.total ?? 0, latest: summary?.latest ?? null };
  },
};
