/** `gatehouse web`'s settings from the environment: a poll the register watcher cannot use is refused. */
import { describe, expect, it } from 'vitest';
import { runGatehouse } from '../../support/run-cli';
import { tempDir } from '../../support/temp-core';

describe('gatehouse web', () => {
  it('refuses a Trust register poll that is not 1 to 3600 seconds, saying what it takes', () => {
    for (const value of ['0', 'soon', '86400']) {
      const run = runGatehouse(['web', '--port', '0', '--data-dir', tempDir()], '', {
        GATEHOUSE_SYNC_POLL_SECONDS: value,
      });
      expect(run).toMatchObject({
        code: 2,
        stderr: expect.stringContaining(
          `GATEHOUSE_SYNC_POLL_SECONDS must be a number of seconds from 1 to 3600 (got "${value}").`,
        ),
      });
    }
  });
});
