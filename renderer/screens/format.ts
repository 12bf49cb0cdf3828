/** Dates as people in the Trust read them: 22 Nov 2026, 14:05 (UK time). */
const formatter = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/London',
});

export function formatDateTime(iso: string | null): string {
  return iso ? formatter.format(new Date(iso)) : '';
}
