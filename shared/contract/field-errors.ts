/**
 * Refusals a person can act on: each field the contract refuses becomes a sentence in the words of
 * the screen ("Enter the username."), with the field's path so the screen can mark the field inline
 * and link to it from its error summary. Schema authors' own messages are kept; the validator's
 * defaults ("Too small: expected string to have >=1 characters") are replaced here.
 */
import type { z } from 'zod';
import { fieldLabel, listPosition } from './field-labels';

export interface FieldProblem {
  /** The field's path joined with dots, for the screen to find its input; never shown. */
  path: string;
  label: string;
  message: string;
}

type RawIssue = Parameters<z.core.$ZodErrorMap>[0];

// Lower-case a label inside a sentence, but never an acronym (UUID, PKCS#11).
const lower = (label: string) =>
  /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;

/** Fields that name a record (systemId, personId) are chosen from a list, not typed. */
const isChoice = (path: readonly PropertyKey[]) => /Id$/.test(String(path.at(-1) ?? ''));

function sizeSentence(issue: RawIssue & { code: 'too_small' | 'too_big' }, label: string): string {
  const small = issue.code === 'too_small';
  const bound = Number(small ? issue.minimum : issue.maximum);
  switch (issue.origin) {
    case 'string':
      if (small && bound <= 1) {
        return isChoice(issue.path ?? []) ? `Choose the ${lower(label)}.` : `Enter the ${lower(label)}.`;
      }
      return small
        ? `${label} must be at least ${bound} characters.`
        : `${label} must be ${bound} characters or fewer.`;
    case 'number':
    case 'int':
    case 'bigint':
      return small ? `${label} must be ${bound} or more.` : `${label} must be ${bound} or less.`;
    case 'array':
    case 'set':
      if (small && bound <= 1) return `Choose at least one: ${lower(label)}.`;
      return small
        ? `Give at least ${bound}: ${lower(label)}.`
        : `Give no more than ${bound}: ${lower(label)}.`;
    case 'date':
      return small ? `${label} is too early.` : `${label} is too late.`;
    default:
      return small ? `${label} is too short.` : `${label} is too long.`;
  }
}

const FORMAT_SENTENCES: Record<string, (label: string) => string> = {
  uuid: (label) => `Choose the ${lower(label)} from the list.`,
  guid: (label) => `Choose the ${lower(label)} from the list.`,
  date: (label) => `Enter the ${lower(label)} as a real date, for example 27 3 2026.`,
  datetime: (label) => `Enter the ${lower(label)} as a real date and time.`,
  time: (label) => `Enter the ${lower(label)} as a time, for example 14:30.`,
  email: (label) => `Enter the ${lower(label)} in the right format, like name@nhs.net.`,
};

/**
 * A per-parse zod error map: a sentence for every issue the schema author did not word. Returning
 * undefined keeps zod's own message, which only happens for issue kinds no input of ours produces.
 */
export const humaneErrorMap: z.core.$ZodErrorMap = (issue) => {
  const path = issue.path ?? [];
  const label = fieldLabel(path);
  const position = listPosition(path);
  const where = position === null ? '' : ` (item ${position})`;
  const sentence = (() => {
    switch (issue.code) {
      case 'invalid_type':
        if (issue.input === undefined || issue.input === null) {
          if (issue.expected === 'boolean') return `Answer ${lower(label)}.`;
          if (issue.expected === 'array') return `Choose at least one: ${lower(label)}.`;
          if (issue.expected === 'object') return `Give the ${lower(label)}.`;
          return isChoice(path) ? `Choose the ${lower(label)}.` : `Enter the ${lower(label)}.`;
        }
        if (issue.expected === 'number' || issue.expected === 'int')
          return `Enter the ${lower(label)} as a number.`;
        if (issue.expected === 'boolean') return `Answer ${lower(label)} with yes or no.`;
        if (issue.expected === 'array') return `Choose from the list: ${lower(label)}.`;
        return `Check the ${lower(label)}: it is not in a form Gatehouse can use.`;
      case 'too_small':
      case 'too_big':
        return sizeSentence(issue, label);
      case 'invalid_format':
        return (
          FORMAT_SENTENCES[issue.format]?.(label) ??
          `Check the ${lower(label)}: it is not in the expected form.`
        );
      case 'invalid_value':
      case 'invalid_union':
        return `Choose one of the options for ${lower(label)}.`;
      case 'not_multiple_of':
        return `${label} must be a whole number.`;
      case 'unrecognized_keys':
        return 'The screen sent details Gatehouse does not expect, so nothing was changed. Reload the screen and try again.';
      case 'invalid_key':
      case 'invalid_element':
        return `Check the ${lower(label)}: one of its entries is not in a form Gatehouse can use.`;
      case 'custom':
        return `Check the ${lower(label)}.`;
      default:
        return undefined;
    }
  })();
  if (sentence === undefined) return undefined;
  return where ? sentence.replace(/\.$/, `${where}.`) : sentence;
};

/** Every refused field (all at once, not one per submit) and one sentence that sums them up. */
export function describeFieldProblems(error: z.ZodError): { message: string; fields: FieldProblem[] } {
  // One message a field, the first: the design system's pattern, and an empty field is not also
  // "too short" and "in the wrong form".
  const fields: FieldProblem[] = [];
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    if (path !== '' && fields.some((f) => f.path === path)) continue;
    fields.push({ path, label: fieldLabel(issue.path), message: issue.message });
  }
  const message =
    fields.length === 1
      ? fields[0]!.message
      : `Check ${fields.length} answers: ${fields.map((f) => f.message).join(' ')}`;
  return { message, fields };
}
