/**
 * Run with `node --import tsx` before a host starts (the Playwright process cannot load the core): a
 * store whose administrator is the screens' ADMIN, holding one person whose accounts make the widest
 * record the register offers: long system and role names, a long username, suspended and active.
 */
import { createCore } from '../../../electron/core';
import { giveAccount } from '../../support/register-fixtures';
import { TestClock } from '../../support/test-clock';
import { ADMIN } from './screens';

const [dataDir, name] = process.argv.slice(2);
if (!dataDir || !name) throw new Error('Give the data folder and the person’s name.');
const core = createCore({
  dataDir,
  host: 'test',
  clock: new TestClock(),
  log: () => undefined,
  smartcard: null,
});
const must = async <T>(channel: string, input: unknown): Promise<T> => {
  const result = await core.call(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.message}`);
  return result.value as T;
};
await must('session:createFirstAdministrator', ADMIN);
await must('session:acknowledgeAcceptableUse', { version: '2025-03' });
const person = await must<{ id: string }>('people:create', {
  name,
  employmentType: 'permanent',
});
const db = core.session.store!.db;
const accounts: [system: string, role: string, status: string][] = [
  ['registration-authority', 'RA manager', 'suspended'],
  ['trac', 'Recruitment administrator', 'suspended'],
  ['esr', 'Administrator Self Service', 'active'],
  ['network', 'Digital administrator', 'active'],
  ['healthroster', 'Roster approver', 'active'],
  ['learning-academy', 'Course administrator', 'active'],
];
for (const [system, role, status] of accounts) {
  const id = giveAccount(core, person.id, system, role, status);
  // Trusts name accounts as they please: a long one must not widen the record.
  db.prepare('UPDATE accounts SET username = ? WHERE id = ?').run('oluwaseun.adeyemi-richardson', id);
}
core.close();
