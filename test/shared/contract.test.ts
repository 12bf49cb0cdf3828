import { describe, expect, it } from 'vitest';
import { buildApi } from '../../shared/api';
import { CHANNEL_NAMES, contract } from '../../shared/contract';
import { PERMISSIONS, permissionsOf, roleHas } from '../../shared/permissions';

describe('the contract', () => {
  it('names every channel domain:action and gives each a gate', () => {
    for (const name of CHANNEL_NAMES) {
      expect(name).toMatch(/^[a-z]+:[a-zA-Z]+$/);
      const gate = contract[name].permission;
      expect(['public', 'signed-in', 'active', ...PERMISSIONS]).toContain(gate);
    }
  });

  it('refuses unknown fields on every channel that takes an object', () => {
    for (const name of CHANNEL_NAMES) {
      expect(contract[name].input.safeParse({ unexpectedField: 1 }).success, name).toBe(false);
    }
  });

  it('builds a grouped API whose methods call the channel of the same name', async () => {
    const seen: string[] = [];
    const { api } = buildApi({
      invoke: async (channel) => {
        seen.push(channel);
        return { ok: true, value: null };
      },
      subscribe: () => () => undefined,
    });
    await api.operators.add({ name: 'X Y', role: 'auditor', passphrase: 'p' });
    await api.session.signIn({ name: 'X Y', passphrase: 'p' });
    expect(seen).toEqual(['operators:add', 'session:signIn']);
  });
});

describe('roles', () => {
  it('gives auditors read-only permissions and RA officers no operator or catalogue changes', () => {
    expect(permissionsOf('auditor').filter((p) => !p.endsWith(':read'))).toEqual([]);
    expect(roleHas('ra-officer', 'operators:manage')).toBe(false);
    expect(roleHas('ra-officer', 'catalogue:write')).toBe(false);
    expect(roleHas('ra-officer', 'smartcard:check')).toBe(true);
    expect(permissionsOf('administrator')).toEqual(PERMISSIONS);
  });
});
