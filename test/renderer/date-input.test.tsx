/**
 * The design system's date input (issue 12 §1): three fields that give the contract YYYY-MM-DD,
 * and a date that cannot be one marked on the field, never passed on as an empty value.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type FormEvent, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { DateInput } from '../../renderer/components/nhs/date-input';
import { ErrorSummary } from '../../renderer/components/nhs/error-summary';
import { readDateParts } from '../../renderer/components/nhs/date-parts';

/** A form holding one date, as the screens do; `held` is what it would send to main. */
function DateForm({ initial = '', error }: { initial?: string; error?: string }) {
  const [value, setValue] = useState(initial);
  const [sent, setSent] = useState<string | null>(null);
  return (
    <form
      noValidate
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        setSent(value);
      }}
    >
      {error ? <ErrorSummary fieldErrors={[{ fieldId: 'authorised-on', message: error }]} /> : null}
      <DateInput id="authorised-on" label="Authorised on" value={value} onChange={setValue} error={error} />
      <output aria-label="held">{value}</output>
      <output aria-label="sent">{sent ?? ''}</output>
      <button type="submit">Save</button>
      <button type="button">Elsewhere</button>
    </form>
  );
}

const group = () => screen.getByRole('group', { name: 'Authorised on' });
const field = (name: 'Day' | 'Month' | 'Year') => within(group()).getByLabelText(name);
const held = () => screen.getByLabelText('held').textContent;

async function typeDate(day: string, month: string, year: string) {
  const user = userEvent.setup();
  for (const [name, text] of [
    ['Day', day],
    ['Month', month],
    ['Year', year],
  ] as const) {
    if (text) await user.type(field(name), text);
  }
  return user;
}

describe('DateInput (issue 12 §1)', () => {
  it('is a group named by its legend with Day, Month and Year, and the example as its hint', () => {
    render(<DateForm />);
    expect(group().tagName).toBe('FIELDSET');
    expect(
      within(group())
        .getAllByRole('textbox')
        .map((input) => input.getAttribute('name')),
    ).toEqual(['day', 'month', 'year']);
    const hint = document.getElementById(group().getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent).toBe('For example, 27 3 2027');
    expect(field('Day').getAttribute('inputmode')).toBe('numeric');
  });

  it('gives the form the contract’s YYYY-MM-DD, padding single figures', async () => {
    render(<DateForm />);
    await typeDate('3', '9', '2027');
    expect(held()).toBe('2027-09-03');
  });

  it('shows a date the form already holds, and empties to no date', async () => {
    render(<DateForm initial="2026-11-20" />);
    expect([field('Day'), field('Month'), field('Year')].map((i) => (i as HTMLInputElement).value)).toEqual([
      '20',
      '11',
      '2026',
    ]);
    const user = userEvent.setup();
    for (const name of ['Day', 'Month', 'Year'] as const) await user.clear(field(name));
    expect(held()).toBe('');
    await user.click(screen.getByRole('button', { name: 'Elsewhere' }));
    expect(screen.queryByText(/Authorised on must/)).toBeNull();
  });

  it('marks 31/02/2027 as not a real date when the operator leaves the field, and holds no date', async () => {
    render(<DateForm />);
    const user = await typeDate('31', '2', '2027');
    expect(screen.queryByText(/real date/)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Elsewhere' }));
    expect(
      within(group()).getByText('Authorised on must be a real date, for example 27 3 2027.'),
    ).toBeTruthy();
    expect(group().closest('.nhsuk-form-group')?.classList.contains('nhsuk-form-group--error')).toBe(true);
    expect(field('Day').getAttribute('aria-invalid')).toBe('true');
    expect(held()).not.toMatch(/^(\d{4}-\d{2}-\d{2})?$/);
  });

  it('does not call a half-typed date wrong while the operator moves between its fields', async () => {
    render(<DateForm />);
    const user = userEvent.setup();
    await user.type(field('Day'), '12');
    await user.tab();
    expect(document.activeElement).toBe(field('Month'));
    expect(screen.queryByText(/must include/)).toBeNull();
  });

  it('names a missing part, letters and a two-digit year, marking only the field at fault', async () => {
    render(<DateForm />);
    const user = await typeDate('12', '', '2027');
    await user.click(screen.getByRole('button', { name: 'Elsewhere' }));
    expect(within(group()).getByText('Authorised on must include a month.')).toBeTruthy();
    expect(field('Month').getAttribute('aria-invalid')).toBe('true');
    expect(field('Day').getAttribute('aria-invalid')).toBeNull();

    await user.type(field('Month'), 'ma');
    expect(
      within(group()).getByText(
        'Authorised on must be a real date, written in numbers, for example 27 3 2027.',
      ),
    ).toBeTruthy();
    await user.clear(field('Month'));
    await user.type(field('Month'), '3');
    await user.clear(field('Year'));
    await user.type(field('Year'), '27');
    expect(
      within(group()).getByText('Authorised on: the year must have 4 numbers, for example 2027.'),
    ).toBeTruthy();
    expect(field('Year').getAttribute('aria-invalid')).toBe('true');
    expect(field('Month').getAttribute('aria-invalid')).toBeNull();
  });

  it('shows the problem when Enter submits from the Year field, and what it sends is no date', async () => {
    render(<DateForm />);
    const user = await typeDate('30', '2', '2028');
    await user.keyboard('{Enter}');
    expect(
      within(group()).getByText('Authorised on must be a real date, for example 27 3 2027.'),
    ).toBeTruthy();
    expect(screen.getByLabelText('sent').textContent).not.toBe('');
    expect(screen.getByLabelText('sent').textContent).not.toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('shows main’s refusal inline, and the error summary’s link moves focus to the Day field', async () => {
    render(<DateForm initial="2026-11-20" error="Authorised on cannot be after today." />);
    expect(within(group()).getByText('Authorised on cannot be after today.')).toBeTruthy();
    expect(group().getAttribute('aria-describedby')).toContain('authorised-on-error');
    const user = userEvent.setup();
    await user.click(screen.getByRole('link', { name: 'Authorised on cannot be after today.' }));
    expect(document.activeElement).toBe(field('Day'));
  });
});

describe('readDateParts', () => {
  it('accepts 29 February only in a leap year', () => {
    expect(readDateParts({ day: '29', month: '2', year: '2028' }, 'Due by')).toEqual({
      kind: 'date',
      iso: '2028-02-29',
    });
    expect(readDateParts({ day: '29', month: '2', year: '2027' }, 'Due by').kind).toBe('problem');
  });

  it('refuses a month of 13 and a day of 0, naming the parts', () => {
    expect(readDateParts({ day: '1', month: '13', year: '2027' }, 'Due by')).toMatchObject({
      kind: 'problem',
      parts: ['month'],
    });
    expect(readDateParts({ day: '0', month: '1', year: '2027' }, 'Due by')).toMatchObject({
      kind: 'problem',
    });
  });

  it('names every missing part at once', () => {
    expect(readDateParts({ day: '', month: '', year: '2027' }, 'Due by')).toEqual({
      kind: 'problem',
      message: 'Due by must include a day and a month.',
      parts: ['day', 'month'],
    });
  });
});
