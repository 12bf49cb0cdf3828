import { describe, expect, it } from 'vitest';
import {
  authorisationDateProblem,
  finishingDateProblem,
  leavingDateProblem,
} from '../../shared/policy/date-rules';
import { testDate } from '../support/test-clock';

const today = testDate();

describe('dates that make sense (DIS-3, REG-2, REG-11)', () => {
  it('applies a leaver dated in the past, today or up to 14 days ahead, and refuses one further ahead', () => {
    expect(leavingDateProblem('Ama Mensah', testDate(-30), today)).toBeNull();
    expect(leavingDateProblem('Ama Mensah', today, today)).toBeNull();
    expect(leavingDateProblem('Ama Mensah', testDate(14), today)).toBeNull();
    expect(leavingDateProblem('Ama Mensah', testDate(15), today)).toBe(
      `Ama Mensah leaves on ${testDate(15)}, more than 14 days ahead: applying it now would end their access at once (DIS-3). Apply it nearer the date, from ${testDate(1)}.`,
    );
  });

  it('refuses an authorisation dated after today, naming the rule', () => {
    expect(authorisationDateProblem(today, today)).toBeNull();
    expect(authorisationDateProblem(testDate(-3), today)).toBeNull();
    expect(authorisationDateProblem(testDate(1), today)).toBe(
      `The line manager’s authorisation is dated ${testDate(1)}, which is after today (REG-2): give the date it was actually given.`,
    );
    expect(authorisationDateProblem(testDate(1), today, 'manager’s approval', 'RRG-1')).toMatch(
      /^The manager’s approval .*\(RRG-1\)/,
    );
  });

  it('refuses a finishing date that has already passed; today and later are fine, none is for REG-11 to judge', () => {
    expect(finishingDateProblem('Sam Patel', testDate(-1), today)).toMatch(
      new RegExp(`^Sam Patel’s finishing date ${testDate(-1)} has already passed \\(REG-11\\)`),
    );
    expect(finishingDateProblem('Sam Patel', today, today)).toBeNull();
    expect(finishingDateProblem('Sam Patel', undefined, today)).toBeNull();
  });
});
