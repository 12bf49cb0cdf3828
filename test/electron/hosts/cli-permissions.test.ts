/**
 * One way in (issue 9 §2): every CLI command reaches the core through the router, so each role may do
 * at the command line exactly what the permission table (shared/permissions.ts) lets it do in the app.
 * The expectation is derived from the contract channels each command declares (and is held to by
 * CliContext.call), never written out by hand.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliContext } from '../../../electron/hosts/cli/cli-context';
import { forbiddenSentence } from '../../../electron/router';
import { COMMANDS } from '../../../electron/hosts/cli/gatehouse';
import type { Command } from '../../../electron/hosts/cli/commands/command';
import { contract } from '../../../shared/contract';
import { type Permission, PERMISSIONS, type Role, ROLES, roleHas } from '../../../shared/permissions';
import { initStore, runGatehouse } from '../../support/run-cli';
import { tempDir } from '../../support/temp-core';
import { testDate } from '../../support/test-clock';

/** Commands outside the matrix, each with the reason. */
const NOT_IN_MATRIX: Record<string, string> = {
  init: 'it makes the store and its first administrator: there is no role yet',
  restore: 'it runs before anyone signs in: the backup’s own key slot and the back-off are its gate',
  'card readers': 'it reads the local smartcard readers, not the store',
  'card read': 'it reads the local smartcard readers, not the store',
  web: 'it serves the browser host, whose calls go through the same router',
  'server init': 'it sets up PostgreSQL with the owner’s login and opens no store: PostgreSQL is its gate',
  connect: 'it needs a Trust register on PostgreSQL (test/trust/connect.test.ts)',
  sync: 'it needs a Trust register on PostgreSQL (test/trust/two-workstations.test.ts)',
  'sync verify': 'it needs a Trust register on PostgreSQL (test/trust/two-workstations.test.ts)',
  'sync settings': 'it needs a Trust register on PostgreSQL (test/trust/offline-grace.test.ts)',
  'review escalate':
    'it needs an access review past its due date, so a clock moved on (test/electron/hosts/cli-review.test.ts)',
  'review report':
    'it needs an access review, which only some roles may start (test/electron/hosts/cli-review.test.ts)',
  'sync discard': 'it needs a conflict, so a Trust register on PostgreSQL (test/trust/partition.test.ts)',
  'sync apply': 'it needs a conflict, so a Trust register on PostgreSQL (test/trust/partition.test.ts)',
  'sync link': 'it needs a conflict, so a Trust register on PostgreSQL (test/trust/partition.test.ts)',
};

const OPERATOR_NAMES: Record<Role, string> = {
  administrator: 'Ada Admin',
  'ra-officer': 'Rae Officer',
  auditor: 'Audrey Auditor',
};

interface Store {
  dir: string;
  role: Role;
  as: string[];
}

interface Invocation {
  command: string;
  args: (store: Store) => string[];
  /** What the command writes, which a refused command must not have written. */
  writes?: (store: Store) => string;
}

function file(store: Store, name: string, content: string): string {
  const path = join(store.dir, name);
  writeFileSync(path, content);
  return path;
}

/** How to run each command with good input. Demo first: it goes only into an empty register. */
const INVOCATIONS: Invocation[] = [
  { command: 'demo', args: () => ['--people', '5', '--seed', '3'] },
  {
    command: 'people import',
    args: (s) => ['--file', file(s, 'people.csv', 'name,team\nPat Matrix,Podiatry\n')],
  },
  { command: 'operator list', args: () => [] },
  {
    command: 'operator add',
    args: (s) => [
      '--name',
      'Nell New',
      '--role',
      'auditor',
      '--new-passphrase-file',
      file(s, 'new.pass', 'a fresh passphrase for nell\n'),
    ],
  },
  {
    command: 'operator revoke',
    // An operator who exists in every store, so only the role can stop it.
    args: (s) => [
      '--name',
      s.role === 'administrator' ? 'Nell New' : OPERATOR_NAMES.administrator,
      '--reason',
      'Left the Trust',
    ],
  },
  { command: 'audit verify', args: () => [] },
  {
    command: 'audit checkpoint',
    args: (s) => ['--out', join(s.dir, 'checkpoint.json')],
    writes: (s) => join(s.dir, 'checkpoint.json'),
  },
  {
    command: 'backup',
    args: (s) => ['--to', join(s.dir, 'store.gatehouse-backup')],
    writes: (s) => join(s.dir, 'store.gatehouse-backup'),
  },
  { command: 'integrity', args: () => [] },
  {
    command: 'audit export',
    args: (s) => ['--out', join(s.dir, 'audit.jsonl')],
    writes: (s) => join(s.dir, 'audit.jsonl'),
  },
  {
    command: 'leavers import',
    args: (s) => [
      '--file',
      file(s, 'leavers.csv', `Name,Team,Date Left\nNobody Known,Finance,${testDate(-2)}\n`),
    ],
  },
  {
    command: 'leavers import',
    args: (s) => ['--apply', '--file', join(s.dir, 'leavers.csv')],
  },
  {
    command: 'activity import',
    args: (s) => [
      '--system',
      'RiO',
      '--file',
      file(s, 'rio.csv', `Login,Last Logon\nnobody.known,${testDate(-3)}\n`),
      '--username-column',
      'Login',
      '--date-column',
      'Last Logon',
    ],
  },
  {
    command: 'inactivity run',
    args: (s) => ['--out', join(s.dir, 'drafts')],
    writes: (s) => join(s.dir, 'drafts'),
  },
  {
    command: 'esr import',
    args: (s) => [
      '--file',
      file(
        s,
        'esr.csv',
        `Change Type,Employee Number,Name,Effective Date\nStarter,E1,Sam Patel,${testDate(7)}\n`,
      ),
    ],
  },
  {
    command: 'profiles import',
    args: (s) => [
      '--file',
      file(
        s,
        'profiles.csv',
        'Job role,Team,Directorate,Organisation,System,Role\nWard Manager,,,,RiO,Clinician\n',
      ),
    ],
  },
  {
    command: 'profiles export',
    args: (s) => ['--file', join(s.dir, 'profiles-out.csv')],
    writes: (s) => join(s.dir, 'profiles-out.csv'),
  },
  { command: 'requests list', args: () => [] },
  { command: 'review start', args: () => ['--scope', 'trust', '--due', testDate(14)] },
  { command: 'review status', args: () => [] },
  { command: 'people find', args: () => ['Matrix'] },
  { command: 'sync status', args: () => [] },
  { command: 'sync conflicts', args: () => [] },
  {
    command: 'report',
    args: (s) => [
      'inactive-users',
      '--month',
      testDate().slice(0, 7),
      '--format',
      'csv',
      '--out',
      join(s.dir, 'report.csv'),
    ],
    writes: (s) => join(s.dir, 'report.csv'),
  },
];

function commandNamed(name: string): Command {
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) throw new Error(`No command ${name}`);
  return command;
}

/** The permissions a command needs that the role lacks, from the contract's gates. */
function missingPermissions(command: Command, role: Role): Permission[] {
  return (command.channels ?? [])
    .map((channel) => contract[channel].permission)
    .filter((gate): gate is Permission => (PERMISSIONS as readonly string[]).includes(gate))
    .filter((permission) => !roleHas(role, permission));
}

/** A store whose operator has `role`: the administrator made by init adds the others. */
function storeFor(role: Role): Store {
  const dir = tempDir();
  const admin = initStore(dir);
  if (role === 'administrator') return { dir, role, as: admin };
  const pass = file({ dir, role, as: [] }, 'operator.pass', `passphrase for the ${role} operator\n`);
  const name = OPERATOR_NAMES[role];
  const added = runGatehouse([
    'operator',
    'add',
    '--name',
    name,
    '--role',
    role,
    '--new-passphrase-file',
    pass,
    ...admin,
  ]);
  if (added.code !== 0) throw new Error(`operator add failed: ${added.stderr}`);
  const dataDir = admin[admin.indexOf('--data-dir') + 1]!;
  return { dir, role, as: ['--as', name, '--data-dir', dataDir, '--passphrase-file', pass] };
}

describe('every CLI command as every role', () => {
  it('puts every command that touches the store in the matrix, or says why not', () => {
    for (const command of COMMANDS) {
      const inMatrix = command.channels !== undefined && !(command.name in NOT_IN_MATRIX);
      expect(inMatrix || command.name in NOT_IN_MATRIX, command.name).toBe(true);
      if (inMatrix)
        expect(
          INVOCATIONS.some((i) => i.command === command.name),
          command.name,
        ).toBe(true);
    }
  });

  it('holds each command to the channels it declares', async () => {
    const io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: {} };
    const cli = new CliContext({ 'data-dir': tempDir() }, io, [], ['operators:list']);
    await expect(cli.call('audit:verify', {})).rejects.toThrow(
      'The command calls audit:verify, which it does not declare in its channels.',
    );
  });

  describe.each(ROLES)('as %s', (role) => {
    it('allows what the permission table allows and refuses the rest with the router’s sentence, writing nothing', () => {
      const store = storeFor(role);
      const words = (name: string) => name.split(' ');
      for (const invocation of INVOCATIONS) {
        const command = commandNamed(invocation.command);
        const missing = missingPermissions(command, role);
        const args = invocation.args(store);
        const run = runGatehouse([...words(command.name), ...args, ...store.as]);
        const label = `${role}: gatehouse ${command.name} ${args.join(' ')}\n${run.stderr}`;
        if (missing.length === 0) {
          expect(run.code, label).toBe(0);
          continue;
        }
        expect(run.code, label).toBe(2);
        expect(
          missing.some((permission) => run.stderr.includes(forbiddenSentence(role, permission))),
          label,
        ).toBe(true);
        const written = invocation.writes?.(store);
        if (written) {
          expect(existsSync(written) && readdirSyncOrFile(written), label).toBe(false);
        }
      }
    }, 240_000);
  });
});

/** A folder with nothing in it counts as nothing written. */
function readdirSyncOrFile(path: string): boolean {
  try {
    return readdirSync(path).length > 0;
  } catch {
    return true;
  }
}
