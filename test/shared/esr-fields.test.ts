import { describe, expect, it } from 'vitest';
import { employeeNumberOf, nameWithoutTitle } from '../../shared/esr-fields';
import { normaliseName } from '../../shared/leavers-report';

describe('a person as ESR writes them (issue 9 §5)', () => {
  it('reads "Surname, Title First" names without the title, in the register’s order', () => {
    for (const [written, stored] of [
      ['Patel, Mrs. Sam', 'Sam Patel'],
      ['Patel, Mrs Sam', 'Sam Patel'],
      ['Okafor, Dr. Ngozi Ada', 'Ngozi Ada Okafor'],
      ['Smith-Jones, Miss Anna', 'Anna Smith-Jones'],
      ["O'Neill, Mx Alex", "Alex O'Neill"],
      ['Mensah, Prof Ama', 'Ama Mensah'],
      ['Patel, Sam', 'Sam Patel'],
      ['Dr Sam Patel', 'Sam Patel'],
      ['Sam Patel', 'Sam Patel'],
      ['Patel, Ms', 'Patel'],
      ['Miss', 'Miss'],
    ])
      expect(nameWithoutTitle(written!), written).toBe(stored);
  });

  it('matches a titled name to the register’s name without it', () => {
    expect(normaliseName('O’Neill, Ms. Siobhán')).toBe(normaliseName('Siobhan O’Neill'));
    expect(normaliseName('Smith, Mr. John')).toBe('john smith');
    expect(normaliseName('Dr John Smith')).toBe('john smith');
  });

  it('takes the employee number from an assignment number, never replacing one that is given', () => {
    expect(employeeNumberOf('20481101', undefined)).toEqual({ ok: true, value: '20481101' });
    expect(employeeNumberOf('', '20481101-2')).toEqual({ ok: true, value: '20481101' });
    expect(employeeNumberOf('20481101', '20481101-2')).toEqual({ ok: true, value: '20481101' });
    expect(employeeNumberOf('', '')).toEqual({ ok: true, value: null });
    expect(employeeNumberOf('20481101', '20481102-1')).toEqual({
      ok: false,
      problem: "assignment number 20481102-1 is not one of employee 20481101's assignments",
    });
    expect(employeeNumberOf(undefined, '20481101')).toMatchObject({ ok: false });
    expect(employeeNumberOf(undefined, '20481101-2-3')).toMatchObject({ ok: false });
  });
});
