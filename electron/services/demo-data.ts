/**
 * `gatehouse demo`: a realistic synthetic Trust for demonstrations, tests and benchmarks. The same
 * seed always gives the same Trust. It runs only on an empty register, so demo data can never be
 * mixed into real records.
 */
import type { Handlers, ServiceContext } from '../service-context';
import { GatehouseError } from '../store/errors';
import { addDemoRequestHistory } from './demo-request-history';
import { addDemoRequests } from './demo-requests';
import { CLINICAL_ROLES, DIRECTORATES, FIRST_NAMES, OFFICE_ROLES, SURNAMES } from './demo-vocabulary';

/** mulberry32: a small, fast, seedable generator; quality is ample for synthetic data. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stable UUID-shaped id from the seed and a counter, so the same seed gives the same ids. */
function demoId(seed: number, kind: number, n: number): string {
  const hex = (v: number, len: number) => (v >>> 0).toString(16).padStart(len, '0').slice(-len);
  return `${hex(seed, 8)}-${hex(kind, 4)}-4${hex(n >>> 16, 3)}-8${hex(n >>> 4, 3)}-${hex(n, 12)}`;
}

export interface DemoSummary {
  people: number;
  accounts: number;
  seed: number;
}

export function generateDemoTrust(ctx: ServiceContext, count: number, seed: number): DemoSummary {
  const db = ctx.db();
  if ((db.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n > 0) {
    throw new GatehouseError(
      'CONFLICT',
      'The register already holds people. Demo data goes only into an empty store (use a new --data-dir).',
    );
  }
  const random = generator(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const now = ctx.clock.now();
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
  const dateIn = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);

  const insertPerson = db.prepare(
    `INSERT INTO people (id, employee_number, name, job_role, team, directorate, organisation, line_manager_id, employment_type,
       finishing_date, smartcard_uuid, email, digital_staff, status, left_on, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, 'The Trust', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertAccount = db.prepare(
    `INSERT INTO accounts (id, person_id, system_id, role, kind, username, status, created_at, last_activity_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertSearch = db.prepare('INSERT INTO people_search (rowid, terms) VALUES (?, ?)');
  const managers = new Map<string, string>();
  let accounts = 0;

  ctx.transact((audit) => {
    for (let n = 0; n < count; n += 1) {
      const directorate = pick(DIRECTORATES);
      const team = `${pick(directorate.teams)}`;
      const teamKey = `${directorate.name}|${team}`;
      const isManager = !managers.has(teamKey) || random() < 0.04;
      const jobRole = isManager
        ? 'Team Manager'
        : directorate.clinical && random() < 0.75
          ? pick(CLINICAL_ROLES)
          : pick(OFFICE_ROLES);
      const clinicalRole = CLINICAL_ROLES.includes(jobRole);
      const roll = random();
      const employmentType =
        roll < 0.8
          ? 'permanent'
          : roll < 0.88
            ? 'bank'
            : roll < 0.93
              ? 'fixed-term'
              : roll < 0.97
                ? 'agency'
                : 'temporary';
      const finishing = ['fixed-term', 'agency', 'temporary'].includes(employmentType)
        ? dateIn(10 + Math.floor(random() * 300))
        : null;
      const first = pick(FIRST_NAMES);
      const surname = pick(SURNAMES);
      const id = demoId(seed, 1, n);
      const leaver = random() < 0.02;
      const employeeNumber = String(20_000_000 + n);
      const hasCard = clinicalRole || random() < 0.3;
      const uuid = hasCard ? String(100_000_000_000 + seed * 1_000_003 + n * 7).slice(-12) : null;
      const username =
        `${first[0]}${surname}`
          .normalize('NFKD')
          .replace(/[^A-Za-z]/g, '')
          .toLowerCase() +
        (n % 1000);
      const manager = isManager ? null : (managers.get(teamKey) ?? null);
      const created = daysAgo(200 + Math.floor(random() * 2000));
      const info = insertPerson.run(
        id,
        employeeNumber,
        `${first} ${surname}`,
        jobRole,
        team,
        directorate.name,
        manager,
        employmentType,
        finishing,
        uuid,
        `${username}@nhs.example`,
        directorate.name === 'Digital' ? 1 : 0,
        leaver ? 'leaver' : 'active',
        leaver ? dateIn(-Math.floor(random() * 60)) : null,
        created,
        created,
      );
      if (isManager && !managers.has(teamKey)) managers.set(teamKey, id);
      insertSearch.run(
        info.lastInsertRowid,
        [`${first} ${surname}`, employeeNumber, uuid, username].filter(Boolean).join(' '),
      );

      const systems: [string, string][] = [
        ['network', 'Standard user'],
        ['esr', 'Employee Self Service'],
        ['learning-academy', 'Learner'],
      ];
      if (isManager) systems.push(['esr', 'Manager Self Service']);
      if (directorate.clinicalSystem && (clinicalRole || isManager || random() < 0.5))
        systems.push([directorate.clinicalSystem, clinicalRole ? 'Clinician' : 'Clinical administrator']);
      systems.push(['healthroster', isManager ? 'Roster approver' : 'Employee online']);
      if (clinicalRole || random() < 0.7) systems.push(['inphase', 'Reporter']);
      if (isManager || directorate.name === 'Finance')
        systems.push(['oracle', isManager ? 'Approver' : 'Finance user']);
      if (isManager) systems.push(['trac', 'Recruiting manager']);
      if (['Staff Nurse', 'Consultant Psychiatrist', 'Pharmacist'].includes(jobRole))
        systems.push(['epma', jobRole === 'Pharmacist' ? 'Pharmacist' : 'Prescriber']);
      if (clinicalRole && random() < 0.25) systems.push(['connecting-care', 'Clinical user']);
      if (hasCard) systems.push(['registration-authority', 'Smartcard holder']);
      if (random() < 0.7) systems.push(['remote-access', 'Remote access user']);
      if (jobRole === 'Information Analyst' || isManager)
        systems.push(['data-warehouse', jobRole === 'Information Analyst' ? 'Analyst' : 'Report viewer']);
      systems.forEach(([system, role], i) => {
        // The ESR manager level is a second role on the same ESR account in practice; keep one account per system.
        if (system === 'esr' && role === 'Manager Self Service') return;
        const state = leaver
          ? random() < 0.5
            ? 'disabled'
            : 'active'
          : random() < 0.02
            ? 'suspended'
            : random() < 0.01
              ? 'pending'
              : 'active';
        const activity =
          state === 'pending' ? null : daysAgo(Math.floor(random() * (random() < 0.1 ? 200 : 60)));
        insertAccount.run(
          demoId(seed, 2, n * 16 + i),
          id,
          system,
          isManager && system === 'esr' ? 'Manager Self Service' : role,
          'normal',
          `${username}`,
          state,
          created,
          activity,
        );
        accounts += 1;
      });
    }
    const requests = addDemoRequests(db, random, ctx.actor().id, now, seed);
    const completedRequests = addDemoRequestHistory(db, random, ctx.actor().id, now, seed);
    audit({
      action: 'demo.generated',
      subject: { type: 'store', id: ctx.session.store!.storeId, label: 'Demo Trust' },
      after: { people: count, accounts, requests, completedRequests, seed },
    });
  });
  return { people: count, accounts, seed };
}

export const demoHandlers: Pick<Handlers, 'people:generateDemo'> = {
  'people:generateDemo': (ctx, input) => generateDemoTrust(ctx, input.people, input.seed),
};
