/**
 * The colours Gatehouse draws with outside the design system's own CSS: the SLA chart on screen and
 * the report PDF read these, so a report printed and a report on screen look the same. Values are
 * the NHS identity palette as nhsuk-frontend 10 defines it; each text colour has at least 4.5:1
 * contrast on white, each chart colour at least 3:1 (WCAG 1.4.11).
 */
export const COLOUR = {
  nhsBlue: '#005eb8',
  darkBlue: '#003087',
  text: '#212b32',
  secondaryText: '#4c6272',
  border: '#768692',
  paleGrey: '#f0f4f5',
  ruleGrey: '#d8dde0',
  white: '#ffffff',
  red: '#d5281b',
  green: '#007f3b',
  /** The background of a warning (the design system's warning callout): blue links stay readable. */
  paleYellow: '#fff9c4',
  /** The design system's focus colour, for the chosen row of a list moved through by keyboard. */
  focusYellow: '#ffeb3b',
  /** The second chart series: a dark orange told apart from NHS blue by shape as well as colour. */
  chartOrange: '#b35900',
} as const;

/** Series colours for charts, in order (screen and PDF). */
export const CHART_SERIES_COLOURS = [COLOUR.nhsBlue, COLOUR.chartOrange] as const;

/** A hex colour as 0..1 red, green, blue (what pdf-lib's rgb() takes). */
export function hexToUnitRgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.replace('#', ''), 16);
  return [((value >> 16) & 0xff) / 255, ((value >> 8) & 0xff) / 255, (value & 0xff) / 255];
}
