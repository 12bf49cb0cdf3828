/** Exit codes the README documents: 0 success, 1 a check failed, 2 bad usage or input. */
export const EXIT = { ok: 0, checkFailed: 1, badInput: 2 } as const;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.badInput,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
