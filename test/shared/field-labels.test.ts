/**
 * Issue 12 §4: every refusal names a field as the screen does. Walks every channel's input schema:
 * each field has a human label, and inputs that break each field in the usual ways are described
 * without a field path, a programmer's name or the validator's wording.
 */
import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract';
import { describeFieldProblems, humaneErrorMap } from '../../shared/contract/field-errors';
import { FIELD_LABELS, fieldLabel } from '../../shared/contract/field-labels';
import { brokenInputs, fieldNames } from '../support/schema-fields';

const JARGON =
  /expected|received|too small|too big|>=|<=|invalid (input|option|uuid|string|type|format)|unrecognized|nan\b|undefined|null\b|regex|characters\)|\bzod\b/i;
// A programmer's name (camelCase) or a dotted path (setUp.username); an email address is not one.
const PATHLIKE = /\b[a-z]+[A-Z]\w*\b|(?<![@\w.])[A-Za-z_]+\.[A-Za-z_]\w*/;

describe('field labels', () => {
  const channels = Object.entries(contract);

  it('gives every field of every channel a label', () => {
    const missing: string[] = [];
    for (const [channel, spec] of channels) {
      for (const name of fieldNames(spec.input)) if (!FIELD_LABELS[name]) missing.push(`${channel}: ${name}`);
    }
    expect(missing).toEqual([]);
  });

  it('describes broken input to every channel without paths, field names or validator jargon', () => {
    let described = 0;
    for (const [channel, spec] of channels) {
      for (const input of brokenInputs(spec.input)) {
        const parsed = spec.input.safeParse(input, { error: humaneErrorMap });
        if (parsed.success) continue;
        const { message, fields } = describeFieldProblems(parsed.error);
        described += 1;
        for (const text of [message, ...fields.map((f) => f.message), ...fields.map((f) => f.label)]) {
          expect(text, `${channel} ${JSON.stringify(input).slice(0, 80)}`).not.toMatch(JARGON);
          expect(text, `${channel} ${JSON.stringify(input).slice(0, 80)}`).not.toMatch(PATHLIKE);
        }
      }
    }
    expect(described).toBeGreaterThan(Object.keys(contract).length);
  });

  it('names the field as the screen does and keeps its path for the screen to place it', () => {
    const parsed = contract['people:create'].input.safeParse(
      { name: '', lineManagerId: 'not-a-person' },
      { error: humaneErrorMap },
    );
    expect(parsed.success).toBe(false);
    const { fields } = describeFieldProblems(parsed.error!);
    expect(fields).toContainEqual(
      expect.objectContaining({
        path: 'lineManagerId',
        label: 'Line manager',
        message: 'Choose the line manager from the list.',
      }),
    );
    expect(fieldLabel(['setUp', 'username'])).toBe('Username');
  });
});
