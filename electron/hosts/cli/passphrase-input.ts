/**
 * Passphrases never come from argv (they would show in `ps` and shell history): from a file named
 * by a flag, from piped standard input, or typed at a hidden prompt.
 */
import { readFileSync } from 'node:fs';
import { CliError } from './cli-error';

function firstLine(text: string): string {
  return text.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
}

export function readPassphraseFile(path: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliError(
      `Cannot read the passphrase file ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}.`,
    );
  }
  const passphrase = firstLine(text);
  if (passphrase === '')
    throw new CliError(`The passphrase file ${path} is empty; put the passphrase on its first line.`);
  return passphrase;
}

function promptHidden(prompt: string, stdin: NodeJS.ReadStream, stderr: NodeJS.WriteStream): Promise<string> {
  return new Promise((resolve, reject) => {
    stderr.write(prompt);
    let value = '';
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const finish = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.removeListener('data', onData);
      stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return finish();
        if (char === '\u0003') return finish(new CliError('Cancelled.'));
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
        else value += char;
      }
    };
    stdin.on('data', onData);
  });
}

async function readAllStdin(stdin: NodeJS.ReadStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

/** The passphrase from `--passphrase-file`, else standard input (a hidden prompt on a terminal). */
export async function readPassphrase(
  file: string | undefined,
  prompt: string,
  io: { stdin: NodeJS.ReadStream; stderr: NodeJS.WriteStream } = {
    stdin: process.stdin,
    stderr: process.stderr,
  },
): Promise<string> {
  if (file !== undefined) return readPassphraseFile(file);
  const passphrase = io.stdin.isTTY
    ? await promptHidden(prompt, io.stdin, io.stderr)
    : firstLine(await readAllStdin(io.stdin));
  if (passphrase === '') {
    throw new CliError(
      'No passphrase given. Pipe it on standard input or name a file with --passphrase-file FILE.',
    );
  }
  return passphrase;
}
