/** A line manager's inactivity notice as an email draft (.eml, RFC 5322, UTF-8), for the administrator to send. */
import type { ManagerNotice } from './inactivity';

export function header(value: string): string {
  // Non-ASCII header text as an RFC 2047 encoded word; line breaks can never reach a header.
  const clean = value.replace(/[\r\n]+/g, ' ');
  return /^[\x20-\x7e]*$/.test(clean)
    ? clean
    : `=?UTF-8?B?${Buffer.from(clean, 'utf8').toString('base64')}?=`;
}

export function noticeEmail(notice: ManagerNotice, asOf: string, from: string, date: Date): string {
  const to = notice.managerEmail
    ? `${header(notice.managerName)} <${notice.managerEmail}>`
    : header(notice.managerName);
  const lines = notice.staff.map(
    (s) =>
      `- ${s.personName}: ${s.systemName} (${s.role}${s.username ? `, ${s.username}` : ''}), last sign-in ${s.lastActivity ?? 'never'}, to be deactivated on ${s.deactivateOn}`,
  );
  const body = [
    `Dear ${notice.managerName},`,
    '',
    'The following system accounts of people in your team have not been used for some time. Under the Trust’s',
    'user registration procedure they will be deactivated on the dates shown unless the person signs in before then',
    'or you tell the system administrator that the access is still needed.',
    '',
    ...lines,
    '',
    'If an account is deactivated, re-registration needs your (or a senior manager’s) approval.',
    '',
    `Gatehouse inactivity review as of ${asOf}`,
  ].join('\r\n');
  return [
    `From: ${from}`,
    `To: ${to}`,
    `Subject: ${header(`Inactive system accounts in your team: deactivation planned (${asOf})`)}`,
    `Date: ${date.toUTCString().replace('GMT', '+0000')}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: 8bit',
    'X-Unsent: 1',
    '',
    body,
    '',
  ].join('\r\n');
}

export function slug(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'manager'
  );
}

export const NOTICE_FROM = 'Gatehouse access management <no-reply@gatehouse.invalid>';

/** `inactivity-2026-11-30-001-ngozi-okafor.eml`: sorted as the sweep listed them, named for the manager. */
export function noticeFileName(asOf: string, index: number, managerName: string): string {
  return `inactivity-${asOf}-${String(index + 1).padStart(3, '0')}-${slug(managerName)}.eml`;
}
