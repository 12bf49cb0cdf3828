/**
 * USE-1..3: the acceptable use statement shown at every sign-in (USE-2). Drawn from the acceptable
 * use policy in seed 004 and the access procedure (seed 000 §4). The version is recorded with each
 * acknowledgement so an auditor can tell which wording an operator agreed to.
 */
export const ACCEPTABLE_USE_VERSION = '2025-03';

export const ACCEPTABLE_USE_TITLE = 'Acceptable use of Gatehouse';

export const ACCEPTABLE_USE_PARAGRAPHS: readonly string[] = [
  'Gatehouse controls who can reach the Trust’s systems and the patient and staff information they hold. You may use it only for the access management work you are authorised to do.',
  'Your sign-in is yours alone. Never share your passphrase, smartcard or passcode, and never let anyone act under your name (USE-1).',
  'Do not look up your own record, or that of anyone you know, for personal reasons. If your work requires you to act on the record of someone you know, ask your line manager or the Caldicott Guardian first (USE-3).',
  'Everything you do here is recorded with your name and the time, and may be monitored or audited to investigate legitimate concerns.',
  'Report any breach, incident or near miss through the Incident Reporting Procedure as soon as you can. Misuse may lead to disciplinary action or prosecution.',
];

export function acceptableUseText(): string {
  return [ACCEPTABLE_USE_TITLE, '', ...ACCEPTABLE_USE_PARAGRAPHS].join('\n');
}
