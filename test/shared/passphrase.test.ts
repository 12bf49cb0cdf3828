import { describe, expect, it } from 'vitest';
import { checkPassphrase } from '../../shared/policy/passphrase';

describe('passphrase rules', () => {
  it('accepts a long, uncommon passphrase', () => {
    expect(checkPassphrase('lantern orchard quietly 42', 'Ada Admin')).toEqual({ ok: true, problems: [] });
  });

  it('needs at least 12 characters, counting characters rather than bytes', () => {
    expect(checkPassphrase('elevenchars').problems).toEqual([
      'Use at least 12 characters (this one has 11).',
    ]);
    expect(checkPassphrase('ééééééééééé').ok).toBe(false);
    expect(checkPassphrase('éééééééééééé').ok).toBe(true);
  });

  it('refuses well-known passwords whatever their case or spacing', () => {
    expect(checkPassphrase('Password 1234').problems[0]).toMatch(/common passwords/);
    expect(checkPassphrase('CORRECT horse battery staple').ok).toBe(false);
  });

  it('refuses a passphrase that contains the operator’s own name', () => {
    expect(checkPassphrase('AdaAdmin was here 2026', 'Ada Admin').problems[0]).toMatch(/own name/);
  });

  it('speaks of the new operator, not "your own name", when an administrator adds someone else', () => {
    expect(checkPassphrase('SamPatel was here 2026', 'Sam Patel', 'new-operator').problems).toEqual([
      'The passphrase must not contain the operator’s name (Sam Patel).',
    ]);
  });
});
