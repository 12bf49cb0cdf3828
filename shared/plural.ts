/** A count with its noun in the right number: "1 working day", "3 working days", "0 live accounts". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
