/**
 * A line manager's inactivity notice as an email draft (.eml, RFC 5322, UTF-8), for the administrator
 * to send. Composed with nodemailer's MailComposer (it builds the message; nothing is sent), so the
 * manager's name is only ever a quoted or RFC 2047-encoded display name beside one validated address:
 * a name like `Mallory <m@evil.example>, Bob` cannot add a recipient, "Smith, John" stays one name.
 */
import MailComposer from 'nodemailer/lib/mail-composer';
import { isEmailAddress } from '../../shared/email-address';
import type { ManagerNotice } from './inactivity';

/** A draft, or null when the manager has no usable email address (they are listed as needing one). */
export async function noticeEmail(
  notice: ManagerNotice,
  asOf: string,
  from: string,
  date: Date,
  index: number,
): Promise<string | null> {
  if (!isEmailAddress(notice.managerEmail)) return null;
  const lines = notice.staff.map(
    (s) =>
      `- ${s.personName}: ${s.systemName} (${s.role}${s.username ? `, ${s.username}` : ''}), last sign-in ${s.lastActivity ?? 'never'}, to be deactivated on ${s.deactivateOn}`,
  );
  const text = [
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
  return composeDraft({
    from,
    to: { name: notice.managerName, address: notice.managerEmail },
    subject: `Inactive system accounts in your team: deactivation planned (${asOf})`,
    text,
    date,
    messageId: `inactivity-${asOf}-${String(index + 1).padStart(3, '0')}`,
  });
}

/**
 * An unsent draft to one validated address. The name is only ever a display name (quoted or
 * RFC 2047-encoded by MailComposer), so it cannot add a recipient; line breaks never reach a header.
 */
export async function composeDraft(draft: {
  from?: string;
  to: { name: string; address: string };
  subject: string;
  text: string;
  date: Date;
  messageId: string;
}): Promise<string> {
  const message = new MailComposer({
    from: draft.from ?? NOTICE_FROM,
    to: { name: draft.to.name.replace(/[\r\n]+/g, ' '), address: draft.to.address },
    subject: draft.subject,
    text: draft.text,
    date: draft.date,
    messageId: `<${draft.messageId}@gatehouse.invalid>`,
    headers: { 'X-Unsent': '1' },
  });
  return (await message.compile().build()).toString('utf8');
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

export interface NoticeDrafts {
  drafts: { managerName: string; fileName: string; content: string }[];
  /** Managers with no valid email address: no draft, so that no notice goes to nobody. */
  needsEmail: { managerName: string; staff: number }[];
}

/** The drafts of one sweep, in the order the sweep listed the managers. */
export async function noticeDrafts(
  notices: ManagerNotice[],
  asOf: string,
  date: Date,
): Promise<NoticeDrafts> {
  const result: NoticeDrafts = { drafts: [], needsEmail: [] };
  for (const [i, notice] of notices.entries()) {
    const content = await noticeEmail(notice, asOf, NOTICE_FROM, date, i);
    if (content === null)
      result.needsEmail.push({ managerName: notice.managerName, staff: notice.staff.length });
    else
      result.drafts.push({
        managerName: notice.managerName,
        fileName: noticeFileName(asOf, i, notice.managerName),
        content,
      });
  }
  return result;
}
