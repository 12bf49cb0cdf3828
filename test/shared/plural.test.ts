import { describe, expect, it } from 'vitest';
import { count } from '../../shared/plural';

describe('counts in words', () => {
  it('says "1 working day", never "1 working days", and takes an irregular plural', () => {
    expect(count(1, 'working day')).toBe('1 working day');
    expect(count(3, 'working day')).toBe('3 working days');
    expect(count(0, 'live account')).toBe('0 live accounts');
    expect(count(1, 'person', 'people')).toBe('1 person');
    expect(count(2, 'person', 'people')).toBe('2 people');
  });
});
