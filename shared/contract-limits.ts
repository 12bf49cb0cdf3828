/**
 * The file limits the contract declares, read back from its schemas so that no host repeats a number:
 * the CLI refuses a larger file before reading it, and the browser host sizes its request limit to
 * the largest of them.
 */
import { z } from 'zod';
import { type ChannelName, CHANNEL_NAMES, contract } from './contract';
import { type FileLimit, fileLimits } from './contract/file-content';

/** A channel's file limit, or null for a channel that takes no file. */
export function fileLimit(channel: ChannelName): FileLimit | null {
  const input: z.ZodType = contract[channel].input;
  if (!(input instanceof z.ZodObject)) return null;
  const content: unknown = input.shape.content;
  return content instanceof z.ZodType ? (fileLimits.get(content) ?? null) : null;
}

/** The channels that take a file, each with its limit. */
export const FILE_CHANNEL_LIMITS: ReadonlyMap<ChannelName, FileLimit> = new Map(
  CHANNEL_NAMES.flatMap((channel) => {
    const limit = fileLimit(channel);
    return limit === null ? [] : [[channel, limit] as const];
  }),
);

/** The most characters any channel accepts in one file. */
export const LARGEST_CONTENT_LIMIT = Math.max(
  ...[...FILE_CHANNEL_LIMITS.values()].map((limit) => limit.maxCharacters),
);
