/**
 * The hosts that serve the core (electron/hosts, electron/main.ts), as each audit event records
 * where it was made (issue 12 §5), with the names an operator reads.
 */
export const HOST_KINDS = ['electron', 'web', 'cli', 'test'] as const;
export type HostKind = (typeof HOST_KINDS)[number];

export const HOST_KIND_LABELS: Record<HostKind, string> = {
  electron: 'the Gatehouse app',
  web: 'the browser host',
  cli: 'the gatehouse command line',
  test: 'a test harness',
};

/** A recorded host kind in words; one this version does not know is shown as recorded. */
export function hostKindLabel(host: string): string {
  return (HOST_KIND_LABELS as Record<string, string>)[host] ?? host;
}
