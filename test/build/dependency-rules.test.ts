/** The architecture's boundaries are lint rules; prove they fire on code that crosses them. */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/run-cli';

const eslint = new ESLint({ cwd: ROOT });

async function restrictedImportErrors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) =>
      ['no-restricted-imports', 'no-restricted-globals', 'no-restricted-syntax'].includes(m.ruleId ?? ''),
    )
    .map((m) => m.message);
}

describe('dependency rules', () => {
  it('stop the renderer importing Electron, Node built-ins or main-process code', async () => {
    expect(
      await restrictedImportErrors(
        "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n",
        'renderer/probe.ts',
      ),
    ).not.toEqual([]);
    expect(
      await restrictedImportErrors(
        "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
        'renderer/probe.ts',
      ),
    ).not.toEqual([]);
    expect(
      await restrictedImportErrors(
        "import { createCore } from '../electron/core';\nexport const x = createCore;\n",
        'renderer/probe.ts',
      ),
    ).not.toEqual([]);
  });

  it('keep shared/ pure: no host code, no Node built-ins, no I/O globals', async () => {
    expect(
      await restrictedImportErrors(
        "import { app } from 'electron';\nexport const x = app;\n",
        'shared/probe.ts',
      ),
    ).not.toEqual([]);
    expect(
      await restrictedImportErrors(
        "import { bridge } from '../renderer/api/bridge';\nexport const x = bridge;\n",
        'shared/probe.ts',
      ),
    ).not.toEqual([]);
    expect(
      await restrictedImportErrors("export const load = () => fetch('/x');\n", 'shared/probe.ts'),
    ).not.toEqual([]);
  });

  it('let main import what it needs', async () => {
    expect(
      await restrictedImportErrors(
        "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
        'electron/probe.ts',
      ),
    ).toEqual([]);
  });

  it('keep one way in: hosts call the router, services neither gate roles nor call handlers', async () => {
    expect(
      await restrictedImportErrors(
        "import { backup } from '../../../services/maintenance';\nexport const x = backup;\n",
        'electron/hosts/cli/commands/probe.ts',
      ),
    ).toEqual([]); // backup and restore: issue 10 routes them
    expect(
      await restrictedImportErrors(
        "import { exportReport } from '../../../services/reports/reports';\nexport const x = exportReport;\n",
        'electron/hosts/cli/commands/probe.ts',
      ),
    ).not.toEqual([]);
    expect(
      await restrictedImportErrors(
        "import { importActivity } from '../../../services/activity-import';\nexport const x = importActivity;\n",
        'electron/hosts/cli/commands/probe.ts',
      ),
    ).not.toEqual([]);
    expect(
      await restrictedImportErrors(
        "import { ServiceContext } from '../../../service-context';\nexport const x = ServiceContext;\n",
        'electron/hosts/cli/commands/probe.ts',
      ),
    ).not.toEqual([]);
    expect(
      await restrictedImportErrors(
        "import { peopleHandlers } from './people';\nexport const x = (c: never, i: never) => peopleHandlers['people:create'](c, i);\n",
        'electron/services/probe.ts',
      ),
    ).not.toEqual([]);
    expect(
      await restrictedImportErrors(
        "export const x = (ctx: { session: { can(p: string): boolean } }) => ctx.session.can('people:write');\n",
        'electron/services/probe.ts',
      ),
    ).not.toEqual([]);
  });
});
