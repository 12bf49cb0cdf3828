/** Names in the order people expect (en-GB collation), with a missing one ("none recorded") last. */
const collator = new Intl.Collator('en-GB');

export function compareNames(x: string | null, y: string | null): number {
  if (x === y) return 0;
  if (x === null) return 1;
  if (y === null) return -1;
  return collator.compare(x, y);
}
