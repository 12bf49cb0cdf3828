/**
 * The design system's date input as an operator uses it: the question is a group, and Day, Month
 * and Year are filled by their labels within it (issue 12 §1).
 */
import { expect, type Locator, type Page } from '@playwright/test';

function dateGroup(scope: Page | Locator, question: string): Locator {
  return scope.getByRole('group', { name: question, exact: true });
}

/** Fill the date asked by `question` with a YYYY-MM-DD date, written as an operator would. */
export async function fillDate(scope: Page | Locator, question: string, isoDate: string): Promise<void> {
  const [year, month, day] = isoDate.split('-') as [string, string, string];
  const group = dateGroup(scope, question);
  await group.getByLabel('Day').fill(String(Number(day)));
  await group.getByLabel('Month').fill(String(Number(month)));
  await group.getByLabel('Year').fill(year);
}

/** The date shown for `question` is `isoDate`. */
export async function expectDate(scope: Page | Locator, question: string, isoDate: string): Promise<void> {
  const [year, month, day] = isoDate.split('-') as [string, string, string];
  const group = dateGroup(scope, question);
  await expect(group.getByLabel('Day')).toHaveValue(String(Number(day)));
  await expect(group.getByLabel('Month')).toHaveValue(String(Number(month)));
  await expect(group.getByLabel('Year')).toHaveValue(year);
}
