/** One rule for what counts as an email address, the same the register's email field uses. */
import { z } from 'zod';

const emailAddress = z.string().email();

/** A single bare address (no display name, no list, no line breaks), fit to send a draft to. */
export function isEmailAddress(value: string | null | undefined): value is string {
  return typeof value === 'string' && value.length <= 254 && emailAddress.safeParse(value).success;
}
