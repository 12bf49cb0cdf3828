/**
 * Register figures on a demo Trust of 50,000 people: search p95 through the router, the same search
 * on the encrypted store and on a plain (unencrypted) SQLite copy as a ratio, and person load.
 * Targets (issue 3): search p95 <= 5 ms, person <= 20 ms.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { createCore } from '../../electron/core';
import { migrate } from '../../electron/store/migrate';
import { MIGRATIONS } from '../../electron/store/migrations';
import { searchPeople } from '../../electron/store/people-queries';
import { BENCH_ADMIN, ms, must, percentile, row, timeEach } from './bench-support';
import { benchInactivity } from './inactivity-bench';
import { benchLeavers } from './leavers-bench';
import { benchProfiles } from './profiles-bench';
import { benchReviews } from './reviews-bench';
import { benchReports } from './reports-bench';

export const DEMO_PEOPLE = 50_000;

function plainCopy(encrypted: Database.Database, path: string): Database.Database {
  const plain = new Database(path);
  migrate(plain, MIGRATIONS);
  plain.close();
  encrypted.exec(`ATTACH DATABASE '${path.replace(/'/g, "''")}' AS plain KEY ''`);
  encrypted.exec(`INSERT INTO plain.people SELECT * FROM main.people ORDER BY rowid;
                  INSERT INTO plain.accounts SELECT * FROM main.accounts;
                  INSERT INTO plain.people_search (rowid, terms) SELECT rowid, terms FROM main.people_search;`);
  encrypted.exec('DETACH DATABASE plain');
  return new Database(path, { readonly: true });
}

export async function benchRegister(dir: string): Promise<void> {
  const core = createCore({ dataDir: dir, host: 'test', log: () => undefined });
  await must(core, 'session:createFirstAdministrator', BENCH_ADMIN);
  await must(core, 'session:acknowledgeAcceptableUse', { version: '2025-03' });
  const generateStart = performance.now();
  const demo = (await must(core, 'people:generateDemo', {
    people: DEMO_PEOPLE,
    seed: 7,
  })) as { people: number; accounts: number };
  row(
    `demo Trust (${demo.people} people, ${demo.accounts} accounts)`,
    ms(performance.now() - generateStart),
    'generate',
  );

  const db = core.session.store!.db;
  const sample = db
    .prepare<[], { id: string; name: string; employee_number: string; username: string }>(
      `SELECT p.id, p.name, p.employee_number, (SELECT username FROM accounts WHERE person_id = p.id LIMIT 1) AS username
       FROM people p WHERE p.rowid % 250 = 0`,
    )
    .all();
  const queries = sample.flatMap((p) => {
    const [first = '', last = ''] = p.name.split(' ');
    return [last.slice(0, 3), `${first.slice(0, 2)} ${last.slice(0, 3)}`, p.employee_number, p.username];
  });

  const routed = await timeEach(queries, (query) => must(core, 'people:search', { query, limit: 100 }));
  const direct = await timeEach(queries, (query) => searchPeople(db, query, 0, 100));
  const plain = plainCopy(db, join(dir, 'plain-comparison.db'));
  const unencrypted = await timeEach(queries, (query) => searchPeople(plain, query, 0, 100));
  plain.close();
  const people = await timeEach(sample.slice(0, 200), (p) => must(core, 'people:get', { id: p.id }));
  const dashboard = await timeEach([...Array(50).keys()], () => must(core, 'dashboard:queue'));
  const queue = (await must(core, 'dashboard:queue')) as {
    tasksWaiting: number;
    requestsWaiting: number;
    temporaryStaffEnding: unknown[];
  };
  await benchReports(core);
  benchInactivity(core);
  benchLeavers(core);
  await benchProfiles(core);
  await benchReviews(core);
  core.close();

  row(
    `search p95 (${queries.length} queries, via router)`,
    ms(percentile(routed, 95)),
    `median ${ms(percentile(routed, 50))}; target <= 5 ms`,
  );
  row('search p95, encrypted store (query only)', ms(percentile(direct, 95)), '');
  row(
    'search p95, plain SQLite copy (query only)',
    ms(percentile(unencrypted, 95)),
    `encrypted/plain = ${(percentile(direct, 95) / percentile(unencrypted, 95)).toFixed(2)}x`,
  );
  row(
    'person screen load p95 (people:get, audited)',
    ms(percentile(people, 95)),
    `median ${ms(percentile(people, 50))}; target <= 20 ms`,
  );
  row(
    'dashboard queue p95 (dashboard:queue)',
    ms(percentile(dashboard, 95)),
    `${queue.tasksWaiting} tasks, ${queue.requestsWaiting} unauthorised, ${queue.temporaryStaffEnding.length} temporary ending; target <= 100 ms`,
  );
}
