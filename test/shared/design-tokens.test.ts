/**
 * The screen's CSS tokens and the tokens the chart and the report PDF read are one palette: each
 * --colour-* in renderer/styles.css is the same value as COLOUR in shared/design-tokens.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COLOUR, hexToUnitRgb } from '../../shared/design-tokens';

const css = readFileSync(new URL('../../renderer/styles.css', import.meta.url), 'utf8');
const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

describe('design tokens', () => {
  it('renderer/styles.css declares every shared colour token with the same value', () => {
    const declared = new Map(
      [...css.matchAll(/--colour-([\w-]+):\s*(#[0-9a-f]{6})/g)].map((m) => [m[1], m[2]]),
    );
    for (const [name, value] of Object.entries(COLOUR)) expect(declared.get(kebab(name)), name).toBe(value);
    expect(declared.size).toBe(Object.keys(COLOUR).length);
  });

  it('uses no colour literal outside the token block', () => {
    const afterTokens = css.slice(css.indexOf('}', css.indexOf(':root')));
    expect(afterTokens).not.toMatch(/#[0-9a-f]{3,6}\b/i);
  });

  it('converts a token to the 0..1 channels the PDF draws with', () => {
    expect(hexToUnitRgb('#005eb8')).toEqual([0, 94 / 255, 184 / 255]);
  });
});
