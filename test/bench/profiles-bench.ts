/**
 * Access profile figures on the 50,000-person demo Trust (issue 13 §4): 300 profiles imported from
 * CSV, then every person matched against them for the outside-profile report (target <= 2 s).
 */
import type { Core } from '../../electron/core';
import { CLINICAL_ROLES, DIRECTORATES, OFFICE_ROLES } from '../../electron/services/demo-vocabulary';
import { formatCsv } from '../../shared/csv';
import { londonDate } from '../../shared/policy/working-days';
import { cpuMs, ms, must, row } from './bench-support';

const PROFILES = 300;

/** A Trust's spreadsheet: one Trust-wide profile, then directorate and team profiles by job role. */
function profilesCsv(rolesOf: (system: string) => string[]): { csv: string; profiles: number } {
  const roleLike = (system: string, wanted: string[]) => {
    const offered = rolesOf(system);
    return wanted.find((w) => offered.includes(w)) ?? offered[0]!;
  };
  const rows: (string | null)[][] = [['Job role', 'Team', 'Directorate', 'Organisation', 'System', 'Role']];
  const add = (
    jobRole: string | null,
    team: string | null,
    directorate: string | null,
    accounts: [string, string][],
  ) => accounts.forEach(([system, role]) => rows.push([jobRole, team, directorate, null, system, role]));
  let profiles = 1;
  add(null, null, null, [
    ['network', 'Standard user'],
    ['esr', 'Employee Self Service'],
    ['learning-academy', 'Learner'],
    ['healthroster', 'Employee online'],
  ]);
  const roles = ['Team Manager', ...CLINICAL_ROLES, ...OFFICE_ROLES];
  outer: for (const level of ['directorate', 'team'] as const)
    for (const directorate of DIRECTORATES)
      for (const team of level === 'team' ? directorate.teams : [null])
        for (const jobRole of roles) {
          if (profiles >= PROFILES) break outer;
          const clinical = CLINICAL_ROLES.includes(jobRole);
          const accounts: [string, string][] = [];
          if (directorate.clinicalSystem)
            accounts.push([
              directorate.clinicalSystem,
              roleLike(
                directorate.clinicalSystem,
                clinical ? ['Clinician', 'Therapist'] : ['Clinical administrator', 'Administrator'],
              ),
            ]);
          if (clinical) accounts.push(['inphase', 'Reporter']);
          if (jobRole === 'Team Manager')
            accounts.push(
              ['healthroster', 'Roster approver'],
              ['trac', 'Recruiting manager'],
              ['oracle', 'Approver'],
            );
          if (accounts.length === 0) accounts.push(['remote-access', 'Remote access user']);
          add(jobRole, team, directorate.name, accounts);
          profiles += 1;
        }
  return { csv: formatCsv(rows), profiles };
}

export async function benchProfiles(core: Core): Promise<void> {
  const systems = (await must(core, 'catalogue:list')) as { id: string; roles: { name: string }[] }[];
  const { csv, profiles } = profilesCsv(
    (id) => systems.find((s) => s.id === id)?.roles.map((r) => r.name) ?? [],
  );
  const importStart = performance.now();
  await must(core, 'profiles:import', { fileName: 'bench-profiles.csv', content: csv });
  row(`import ${profiles} access profiles (CSV, audited)`, ms(performance.now() - importStart), '');
  const month = londonDate(new Date()).slice(0, 7);
  const start = performance.now();
  const cpu = process.cpuUsage();
  const report = (await must(core, 'reports:run', { name: 'outside-profile', month, limit: 100 })) as {
    totalRows: number;
  };
  row(
    `outside-profile report: 50,000 people x ${profiles} profiles`,
    ms(performance.now() - start),
    `${report.totalRows} accounts outside profile; CPU ${ms(cpuMs(process.cpuUsage(cpu)))}; target <= 2 s`,
  );
}
