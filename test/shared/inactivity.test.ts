import { describe, expect, it } from 'vitest';
import { deactivationOn, noticeDueOn } from '../../shared/policy/inactivity';

describe('inactivity dates (SUS-2)', () => {
  it('gives notice 7 days before the period ends', () => {
    expect(noticeDueOn('2026-08-01', 90)).toBe('2026-10-23');
    expect(noticeDueOn('2026-08-01', 30)).toBe('2026-08-24');
  });

  it('never plans deactivation sooner than 7 days after the notice', () => {
    expect(deactivationOn('2026-08-01', 90, '2026-10-23')).toBe('2026-10-30');
    // Noticed late (the period ended long ago): still a full week's notice.
    expect(deactivationOn('2026-01-01', 90, '2026-11-23')).toBe('2026-11-30');
  });
});
