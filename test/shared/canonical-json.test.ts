import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/canonical-json';

describe('canonical JSON', () => {
  it('sorts keys at every depth so equal content has one form', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}',
    );
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
  });

  it('drops undefined members and refuses numbers JSON cannot carry', () => {
    expect(canonicalJson({ a: undefined, b: 'é' })).toBe('{"b":"é"}');
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/non-finite/);
  });
});
