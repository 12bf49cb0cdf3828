/**
 * Run with `node --import tsx` before a host starts (the Playwright process cannot load the core): a
 * store whose administrator is the screens' ADMIN, holding a Trust-wide access review started at the
 * tests' now and due 14 days later, with Sam's two accounts for Ngozi, whose own manager is Sara.
 */
import { createCore } from '../../../electron/core';
import { giveAccount } from '../../support/register-fixtures';
import { TestClock, testDate } from '../../support/test-clock';
import { ADMIN } from './screens';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('Give the data folder.');
// The production key derivation, as every end-to-end store has; the clock at the tests' now.
const core = createCore({
  dataDir,
  host: 'test',
  clock: new TestClock(),
  log: () => undefined,
  smartcard: null,
});
async function must<T>(channel: string, input: unknown): Promise<T> {
  const result = await core.call(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.message}`);
  return result.value as T;
}
await must('session:createFirstAdministrator', ADMIN);
await must('session:acknowledgeAcceptableUse', { version: '2025-03' });
const add = (name: string, extra: Record<string, unknown> = {}) =>
  must<{ id: string }>('people:create', { name, employmentType: 'permanent', ...extra });
const sara = await add('Sara Senior', { email: 'sara.senior@nhs.example' });
const ngozi = await add('Ngozi Okafor', { lineManagerId: sara.id });
const sam = await add('Sam Patel', { lineManagerId: ngozi.id });
giveAccount(core, sam.id, 'rio', 'Clinician');
giveAccount(core, sam.id, 'emis', 'Clinician');
await must('reviews:start', { scope: { kind: 'trust' }, dueOn: testDate(14) });
core.close();
