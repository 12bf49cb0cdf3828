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

const READ_PROBLEMS: Record<string, string> = {
  ENOENT: 'there is no such file: check the path',
  EACCES: 'you may not read it: check its permissions',
  EISDIR: 'it is a folder: give the file inside it',
};

/** A file given on the command line that cannot be read, in words that say what to check. */
export function cannotRead(path: string, error: unknown): CliError {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return new CliError(`Cannot read ${path}: ${READ_PROBLEMS[code] ?? `${code || 'error'}; check the path`}.`);
}
