import type { ChannelName } from '../../../../shared/contract';
import type { CliContext } from '../cli-context';

/** A command: the words that name it, the flags it takes beyond the common ones, and its work. */
export interface Command {
  name: string;
  usage: string;
  summary: string;
  flags: string[];
  /** Words after the command that are not flags (`gatehouse report NAME`): how many it takes. */
  positionals?: number;
  /**
   * The channels the command calls beyond signing in and out: its permissions are theirs. Declared,
   * the command may call no other (CliContext.call refuses), so the declaration cannot drift.
   */
  channels?: readonly ChannelName[];
  run(cli: CliContext): Promise<number>;
}

/** Flags every command accepts. */
export const COMMON_FLAGS = ['data-dir', 'json', 'help'];
/** Flags that are switches rather than taking a value. */
export const BOOLEAN_FLAGS = new Set(['json', 'help', 'force', 'apply', 'all']);
