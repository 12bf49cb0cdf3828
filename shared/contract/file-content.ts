/**
 * The upload block every file-taking channel declares: the file's name and its text, with the most
 * characters the channel accepts and the sentence for a file over it. Both are written here once per
 * channel and read back by the hosts (shared/contract-limits.ts), so a host can refuse a larger file
 * before reading it, with the same sentence the contract would give.
 */
import { z } from 'zod';

export const fileNameSchema = z.string().min(1).max(260);

export interface FileLimit {
  maxCharacters: number;
  tooLarge: string;
}

/** Each channel's content schema, with its limit. */
export const fileLimits = z.registry<FileLimit>();

/** `split` finishes the sentence: what to do with a file that is too large. */
export function fileContentSchema(maxCharacters: number, split: string) {
  const tooLarge = `The file is larger than ${maxCharacters / 1_000_000} MB; ${split}`;
  return z.string().max(maxCharacters, tooLarge).register(fileLimits, { maxCharacters, tooLarge });
}
