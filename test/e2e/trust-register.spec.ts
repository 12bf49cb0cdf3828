/**
 * Two workstations, one Trust register (issue 11 §2, §4): two browser hosts on two data folders
 * against one real PostgreSQL, each through its own TCP proxy. Both join from the Settings screen as
 * a person would; a change on one appears on the other (its watcher brings it); with one cut off,
 * both work on, the offline banner says so with the count, a change to the same record on both
 * sides waits in Conflicts after Try again, and Discard mine (with a reason) empties the list.
 *
 * Workstation A polls the register only once an hour, so only its own changes and Try again reach
 * the register: the test decides when A reconnects. B polls as normal (every 5 seconds, and at once
 * on the register's notification).
 */
import type { Browser, Locator, Page } from '@playwright/test';
import type { SyncConflict } from '../../shared/contract/sync';
import type { Envelope } from '../../shared/errors';
import { postgresMissing } from '../support/postgres';
import { startProxy, type TcpProxy } from '../support/tcp-proxy';
import { TEST_NOW } from '../support/test-clock';
import { createLogin, startTrustServer, type TrustServer } from '../support/trust-server';
import { expectAccessible } from './support/accessibility';
import { expect, type RunningGatehouse, startGatehouseWeb, test } from './support/gatehouse-fixture';
import {
  acknowledgeAcceptableUse,
  ADMIN,
  addPerson,
  createFirstAdministrator,
  openPerson,
  openScreen,
  signIn,
} from './support/screens';

/** The first administrator's PostgreSQL login, made by the Trust's DBA with their passphrase. */
const LOGIN = 'ada_admin';

/** The words of each choice a conflict may offer, as the Conflicts screen shows them. */
const CHOICE_BUTTONS = {
  discard: 'Discard mine',
  apply: 'Apply anyway',
  link: 'Link to the existing record',
} as const;

async function openWorkstation(browser: Browser, host: RunningGatehouse): Promise<Page> {
  // Each workstation its own browser profile: the hosts' session cookies must not meet.
  const page = await (await browser.newContext()).newPage();
  await page.clock.setSystemTime(TEST_NOW);
  await page.goto(host.url);
  await createFirstAdministrator(page);
  await acknowledgeAcceptableUse(page);
  return page;
}

function registerSection(page: Page): Locator {
  return page.getByRole('region', { name: 'Trust register', exact: true });
}

/** Search the People list afresh until the person is there (a sync brings them while it waits). */
async function expectInPeopleList(page: Page, name: string): Promise<void> {
  await openScreen(page, 'People');
  const search = page.getByLabel('Search people');
  const found = page.getByRole('listbox', { name: 'People found' }).getByRole('option', { name });
  await expect(async () => {
    await search.fill('');
    await search.fill(name);
    await expect(found).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
}

async function changeEmail(page: Page, person: string, email: string): Promise<void> {
  await openPerson(page, person);
  await page.getByRole('link', { name: 'Change email' }).click();
  const details = page.getByRole('region', { name: 'Change details' });
  await details.getByLabel('Email').fill(email);
  await details.getByRole('button', { name: 'Save details' }).click();
  await expect(page.getByRole('status')).toContainText(`${person}’s details were saved.`);
}

async function conflictsOf(page: Page, host: RunningGatehouse): Promise<SyncConflict[]> {
  const response = await page.request.post(
    new URL(`/api/${encodeURIComponent('sync:conflicts')}`, host.url).href,
    { data: {} },
  );
  const envelope = (await response.json()) as Envelope<SyncConflict[]>;
  if (!envelope.ok) throw new Error(envelope.error.message);
  return envelope.value;
}

// Only where Debian's postgresql is not installed (a developer's machine): in CI postgresMissing
// throws instead (test/support/postgres.ts), so this test can never be skipped there unnoticed.
test.skip(postgresMissing !== null, postgresMissing ?? '');

test('two workstations on one Trust register: join from Settings, see each other, work offline, resolve a conflict', async ({
  browser,
}) => {
  // A PostgreSQL cluster, two hosts and two joins (each a full register copy) before the day starts:
  // about 30 s alone, several times that on a loaded 2-core CI machine.
  test.setTimeout(300_000);
  const started: { stop(): unknown }[] = [];
  try {
    const server: TrustServer = await startTrustServer();
    started.push(server);
    await createLogin(server, LOGIN, 'gatehouse_administrator', ADMIN.passphrase);
    const proxyA: TcpProxy = await startProxy(server.cluster.port);
    const proxyB: TcpProxy = await startProxy(server.cluster.port);
    started.push({ stop: () => proxyA.close() }, { stop: () => proxyB.close() });
    const address = (port: number) => server.url(LOGIN, 'x', port).replace(/:x@/, '@');
    const hostA = await startGatehouseWeb({ env: { GATEHOUSE_SYNC_POLL_SECONDS: '3600' } });
    started.push(hostA);
    const hostB = await startGatehouseWeb();
    started.push(hostB);

    // Workstation A has a register of its own, and sets up the empty Trust register from it.
    const a = await openWorkstation(browser, hostA);
    await addPerson(a, 'Grace Hopper', { team: 'Compilers' });
    await openScreen(a, 'Settings');
    const joinA = registerSection(a);
    await joinA.getByLabel('Address of the Trust register').fill(address(proxyA.port));
    await joinA.getByRole('button', { name: 'Join the Trust register' }).click();
    // Refused on its field, before anything reaches the register.
    await expect(joinA.getByRole('alert')).toContainText('Enter the passphrase.');
    await expect(joinA.getByLabel('Your passphrase, again')).toHaveAttribute('aria-invalid', 'true');
    await expectAccessible(a, 'Settings (a refused join)');
    await joinA.getByLabel('Or choose the certificate file').setInputFiles(server.cluster.caFile);
    await expect(joinA.getByLabel('The Trust’s CA certificate')).toHaveValue(/BEGIN CERTIFICATE/);
    await joinA.getByLabel('Your passphrase, again').fill(ADMIN.passphrase);
    await joinA.getByRole('button', { name: 'Join the Trust register' }).click();
    await expect(a.getByRole('region', { name: 'Success' })).toContainText(
      `This workstation is joined to the Trust register at ${address(proxyA.port)}`,
    );
    await expect(joinA.getByText('Changes waiting to be sent')).toBeVisible();
    await expect(
      a.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Conflicts' }),
    ).toBeVisible();
    await expect(a.getByText(/Joined to the Trust register; last contact/)).toBeVisible();
    await joinA.getByRole('button', { name: 'Sync now' }).click();
    await expect(a.getByRole('region', { name: 'Success' })).toContainText(
      'Synced with the Trust register at 23 Nov 2026',
    );
    await expectAccessible(a, 'Settings (joined)');

    // Workstation B joins from a new store with the same administrator: the register comes down,
    // and she signs in again as the Trust's administrator.
    const b = await openWorkstation(browser, hostB);
    await openScreen(b, 'Settings');
    const joinB = registerSection(b);
    await joinB.getByLabel('Address of the Trust register').fill(address(proxyB.port));
    await joinB.getByLabel('Your passphrase, again').fill(ADMIN.passphrase);
    await joinB.getByRole('button', { name: 'Join the Trust register' }).click();
    // Without the Trust's CA the register's certificate is not trusted, and nothing is joined.
    await expect(joinB.getByRole('alert')).toContainText('TLS certificate could not be verified');
    await joinB.getByLabel('The Trust’s CA certificate').fill(server.cluster.ca);
    await joinB.getByLabel('Your passphrase, again').fill(ADMIN.passphrase);
    await joinB.getByRole('button', { name: 'Join the Trust register' }).click();
    await signIn(b, ADMIN);
    await acknowledgeAcceptableUse(b);
    await expectInPeopleList(b, 'Grace Hopper');

    // A change on A appears on B: B's watcher brings it, nobody asks.
    await addPerson(a, 'Alan Turing');
    await expectInPeopleList(b, 'Alan Turing');

    // A loses the network. Both work on; A says so on every screen, with what waits there.
    proxyA.cut();
    await changeEmail(a, 'Grace Hopper', 'grace.offline@nhs.net');
    const offline = a.getByRole('region', { name: 'Trust register offline' });
    await expect(offline).toContainText('The Trust register cannot be reached.');
    await expect(offline).toContainText('1 change made here is waiting to be sent');
    await expect(offline).toContainText('only on this workstation');
    await expect(offline).toContainText('It last reached the register at');
    await openScreen(a, 'Home');
    await expect(offline).toBeVisible();
    await expectAccessible(a, 'Home with the offline banner');
    await offline.getByRole('button', { name: 'Try again' }).click();
    await expect(offline.getByRole('status')).toHaveText('Still cannot reach the Trust register.');

    await changeEmail(b, 'Grace Hopper', 'grace.online@nhs.net');
    await addPerson(b, 'Mary Somerville');
    await addPerson(a, 'Katherine Johnson');
    await expect(offline).toContainText('2 changes made here are waiting to be sent');

    // Back online: Try again pushes what waited. Katherine goes up; the email met B's change first,
    // so it waits for a decision, and A's replica takes the register's version meanwhile.
    proxyA.restore();
    await offline.getByRole('button', { name: 'Try again' }).click();
    await expect(offline).toBeHidden();
    await expect(
      a
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: '1 change waits for a decision' }),
    ).toBeVisible();
    await expectInPeopleList(b, 'Katherine Johnson');
    await expectInPeopleList(a, 'Mary Somerville');
    await openScreen(a, 'Home');
    await expect(a.getByRole('heading', { name: 'Conflicts waiting (1)' })).toBeVisible();

    // The Conflicts screen: my change beside what others did since, and only the choices offered.
    await a.getByRole('link', { name: 'Decide on the Conflicts screen' }).click();
    await expect(a.getByRole('heading', { level: 1, name: 'Conflicts' })).toBeVisible();
    const [conflict, ...others] = await conflictsOf(a, hostA);
    expect(others).toEqual([]);
    const card = a.getByRole('region', { name: conflict!.summary });
    await expect(card).toContainText('Your change, made here');
    await expect(card).toContainText('What others did since');
    for (const event of conflict!.since) await expect(card).toContainText(event.label);
    for (const [choice, label] of Object.entries(CHOICE_BUTTONS)) {
      await expect(card.getByRole('button', { name: label })).toHaveCount(
        conflict!.choices.includes(choice as keyof typeof CHOICE_BUTTONS) ? 1 : 0,
      );
    }
    await expectAccessible(a, 'Conflicts');

    // Discard mine: a reason is required, then a confirmation names what will happen.
    await card.getByRole('button', { name: 'Discard mine' }).click();
    const decision = card.getByRole('form', { name: 'Discard mine' });
    await decision.getByRole('button', { name: 'Continue' }).click();
    await expect(decision.getByRole('alert')).toContainText('Enter the reason.');
    await expect(decision.getByLabel('Reason')).toHaveAttribute('aria-invalid', 'true');
    await expectAccessible(a, 'Conflicts (no reason given)');
    await decision.getByLabel('Reason').fill('The colleague’s email is the one HR holds');
    await decision.getByRole('button', { name: 'Continue' }).click();
    await expect(a.getByRole('heading', { name: 'Discard your change?' })).toBeFocused();
    await expect(a.getByRole('list', { name: 'What will happen' })).toContainText(
      'Your change is dropped and never reaches the Trust register',
    );
    await expectAccessible(a, 'Conflicts (confirm discard)');
    await a.getByRole('button', { name: 'Discard my change' }).click();

    const done = a.getByRole('region', { name: 'Success' });
    await expect(done).toContainText('Your change was discarded');
    await expect(done).toBeFocused();
    await expect(a.getByText('No change is waiting for a decision.')).toBeVisible();
    expect(await conflictsOf(a, hostA)).toEqual([]);
    await expect(
      a.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /for a decision/ }),
    ).toHaveCount(0);
    await expectAccessible(a, 'Conflicts (resolved)');

    // The register kept the colleague's email, on both workstations.
    await openPerson(a, 'Grace Hopper');
    await expect(a.getByText('grace.online@nhs.net', { exact: true })).toBeVisible();
  } finally {
    for (const part of started.reverse()) await part.stop();
  }
});
