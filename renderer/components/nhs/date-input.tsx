/**
 * The design system's date input: Day, Month and Year in a fieldset whose legend is the question
 * (issue 12 §1). The form holds the contract's YYYY-MM-DD; what cannot be a date is marked on the
 * field as soon as the operator leaves it or submits, and the form holds text main refuses too.
 * The Day field takes the given id, so an error summary's link lands on the first field to fix.
 */
import { type FocusEvent, useEffect, useId, useRef, useState } from 'react';
import { type DatePart, type DateParts, partsOfIso, readDateParts, unreadableValue } from './date-parts';

const FIELDS: { part: DatePart; label: string; width: 2 | 4 }[] = [
  { part: 'day', label: 'Day', width: 2 },
  { part: 'month', label: 'Month', width: 2 },
  { part: 'year', label: 'Year', width: 4 },
];

export function DateInput({
  label,
  hint,
  value,
  onChange,
  error,
  id: givenId,
}: {
  /** The question, shown as the fieldset's legend and used in the field's own messages. */
  label: string;
  /** Said before the design system's example ("For example, 27 3 2027"). */
  hint?: string;
  /** YYYY-MM-DD, or '' for no date. */
  value: string;
  onChange: (next: string) => void;
  /** A refusal from main for this field. */
  error?: string | null;
  /** The Day field's id (an error summary links to it); generated when not given. */
  id?: string;
}) {
  const generated = useId();
  const id = givenId ?? generated;
  const [parts, setParts] = useState<DateParts>(() => partsOfIso(value));
  const [left, setLeft] = useState(false);
  const emitted = useRef(value);
  const fieldset = useRef<HTMLFieldSetElement>(null);

  // A value set from outside (a reset, a record loaded) replaces what is typed.
  useEffect(() => {
    if (value === emitted.current) return;
    emitted.current = value;
    setParts(partsOfIso(value));
    setLeft(false);
  }, [value]);

  // Submitting the form counts as leaving the field: Enter in Year must not hide the problem.
  useEffect(() => {
    const form = fieldset.current?.form ?? fieldset.current?.closest('form');
    if (!form) return;
    const submitted = () => setLeft(true);
    form.addEventListener('submit', submitted, true);
    return () => form.removeEventListener('submit', submitted, true);
  }, []);

  const reading = readDateParts(parts, label);
  const problem = left && reading.kind === 'problem' ? reading : null;
  const message = problem?.message ?? error ?? null;
  const marked = (part: DatePart) => (problem ? problem.parts.includes(part) : Boolean(error));

  function change(part: DatePart, text: string) {
    const next = { ...parts, [part]: text };
    setParts(next);
    const read = readDateParts(next, label);
    const out = read.kind === 'date' ? read.iso : read.kind === 'empty' ? '' : unreadableValue(next);
    emitted.current = out;
    if (out !== value) onChange(out);
  }

  // Moving between Day, Month and Year is not leaving: a half-typed date is not yet wrong.
  function leave(event: FocusEvent<HTMLInputElement>) {
    if (!fieldset.current?.contains(event.relatedTarget as Node | null)) setLeft(true);
  }

  const describedBy = [`${id}-hint`, message ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={message ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'}>
      <fieldset className="nhsuk-fieldset" role="group" aria-describedby={describedBy} ref={fieldset}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{label}</legend>
        <div className="nhsuk-hint" id={`${id}-hint`}>
          {hint ? `${hint} ` : null}For example, 27 3 2027
        </div>
        {message ? (
          <span className="nhsuk-error-message" id={`${id}-error`}>
            <span className="nhsuk-u-visually-hidden">Error: </span>
            {message}
          </span>
        ) : null}
        <div className="nhsuk-date-input" id={`${id}-date`}>
          {FIELDS.map(({ part, label: fieldLabel, width }) => {
            const inputId = part === 'day' ? id : `${id}-${part}`;
            const error = marked(part);
            return (
              <div className="nhsuk-date-input__item" key={part}>
                <div className={error ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'}>
                  <label className="nhsuk-label nhsuk-date-input__label" htmlFor={inputId}>
                    {fieldLabel}
                  </label>
                  <input
                    className={[
                      'nhsuk-input',
                      error ? 'nhsuk-input--error' : null,
                      `nhsuk-input--width-${width}`,
                      'nhsuk-date-input__input',
                    ]
                      .filter(Boolean)
                      .join(' ')}
                    id={inputId}
                    name={part}
                    type="text"
                    inputMode="numeric"
                    autoComplete="off"
                    aria-invalid={error || undefined}
                    value={parts[part]}
                    onChange={(e) => change(part, e.target.value)}
                    onBlur={leave}
                  />
                </div>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
