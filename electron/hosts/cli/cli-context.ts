/**
 * What every command shares: the parsed flags, output in text or JSON, the core over the chosen
 * data folder, and signing in as an operator (with the acceptable use statement shown, USE-2).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../shared/contract';
import { fileLimit } from '../../../shared/contract-limits';
import { acceptableUseText, ACCEPTABLE_USE_VERSION } from '../../../shared/policy/acceptable-use';
import { type Core, type CoreOptions, createCore } from '../../core';
import { writeFileAtomic } from '../../store/atomic-file';
import { resolveDataDir } from '../../store/paths';
import { cannotRead, CliError, EXIT } from './cli-error';
import { readPassphrase } from './passphrase-input';

export type Flags = Record<string, string | boolean | undefined>;

export interface CliIo {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  stdin: NodeJS.ReadStream;
  env: NodeJS.ProcessEnv;
}

export class CliContext {
  private coreInstance: Core | null = null;

  constructor(
    readonly flags: Flags,
    readonly io: CliIo,
    readonly positionals: readonly string[] = [],
    private readonly channels?: readonly ChannelName[],
  ) {}

  get json(): boolean {
    return this.flags.json === true;
  }

  string(name: string): string | undefined {
    const value = this.flags[name];
    return typeof value === 'string' ? value : undefined;
  }

  required(name: string, hint: string): string {
    const value = this.string(name);
    if (value === undefined || value.trim() === '') throw new CliError(`Missing --${name}. ${hint}`);
    return value;
  }

  dataDir(): string {
    return resolveDataDir(this.string('data-dir'), this.io.env);
  }

  /** The core, made on first use; `gatehouse web` makes it for the browser host (`host: 'web'`). */
  core(options: Partial<Pick<CoreOptions, 'smartcard' | 'host'>> = {}): Core {
    this.coreInstance ??= createCore({ dataDir: this.dataDir(), host: 'cli', ...options });
    return this.coreInstance;
  }

  /** Call a channel; a refusal becomes a CliError carrying the core's own sentence. */
  async call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
    const result = await this.attempt(channel, input);
    // A bug (INTERNAL) or a damaged store is a failed check (exit 1, as the README says); a refusal of
    // the input exits 2.
    if (!result.ok)
      throw new CliError(
        result.error.message,
        result.error.code === 'INTERNAL' || result.error.code === 'STORE_DAMAGED'
          ? EXIT.checkFailed
          : EXIT.badInput,
      );
    return result.value as ChannelOutput<C>;
  }

  /** Call a channel and hand back its envelope, for a command that goes on after a refusal. */
  async attempt<C extends ChannelName>(
    channel: C,
    input: ChannelInput<C>,
  ): Promise<
    { ok: true; value: ChannelOutput<C> } | { ok: false; error: { code: string; message: string } }
  > {
    if (this.channels && !channel.startsWith('session:') && !this.channels.includes(channel))
      throw new Error(`The command calls ${channel}, which it does not declare in its channels.`);
    const result = await this.core().call(channel, input);
    return result.ok ? { ok: true, value: result.value as ChannelOutput<C> } : result;
  }

  /**
   * The text of the file a flag names, for `channel`, or a sentence saying why it cannot be read.
   * A file over the channel's limit is refused from its size, before it is read: a UTF-8 file holds
   * no more characters than bytes, so one within the limit in bytes is within it in characters.
   */
  readFileFor(channel: ChannelName, flag: string, hint: string): { path: string; content: string } {
    const path = this.required(flag, hint);
    const limit = fileLimit(channel);
    if (limit === null) throw new Error(`${channel} takes no file`);
    try {
      if (statSync(path).size > limit.maxCharacters) throw new CliError(`${path}: ${limit.tooLarge}`);
      return { path, content: readFileSync(path, 'utf8') };
    } catch (error) {
      if (error instanceof CliError) throw error;
      throw cannotRead(path, error);
    }
  }

  /** Refuse a path that already holds a file: Gatehouse never overwrites one. */
  refuseExisting(path: string): void {
    if (existsSync(path))
      throw new CliError(`${path} already exists; Gatehouse never overwrites a file. Choose a new name.`);
  }

  /** Write a new file, or say why it cannot be written. */
  writeNewFile(path: string, content: string | Buffer, mode?: number): void {
    this.refuseExisting(path);
    try {
      writeFileAtomic(path, content, mode);
    } catch (error) {
      throw new CliError(
        `Cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}. Check the folder exists and you may write to it.`,
      );
    }
  }

  operatorName(): string {
    const name = this.string('as') ?? this.io.env.GATEHOUSE_OPERATOR;
    if (name === undefined || name.trim() === '') {
      throw new CliError(
        'Say who you are with --as NAME (or set GATEHOUSE_OPERATOR); every action is audited in your name.',
      );
    }
    return name;
  }

  passphrase(prompt = 'Passphrase: '): Promise<string> {
    return readPassphrase(this.string('passphrase-file'), prompt, this.io);
  }

  showAcceptableUse(): void {
    this.io.stderr.write(`${acceptableUseText()}\n\n`);
  }

  /** Sign in as `--as`, show the acceptable use statement and record that it was shown and accepted. */
  async signIn(given?: string): Promise<Core> {
    const name = this.operatorName();
    const passphrase = given ?? (await this.passphrase(`Passphrase for ${name}: `));
    await this.call('session:signIn', { name, passphrase });
    this.showAcceptableUse();
    await this.call('session:acknowledgeAcceptableUse', { version: ACCEPTABLE_USE_VERSION });
    return this.core();
  }

  print(text: string, json: unknown): void {
    this.io.stdout.write(this.json ? `${JSON.stringify(json, null, 2)}\n` : `${text}\n`);
  }

  /** Into the application log, when a core was made (the data folder is known). */
  logUnexpected(message: string, error: unknown): void {
    this.coreInstance?.log(message, error);
  }

  async close(): Promise<void> {
    const core = this.coreInstance;
    if (core?.session.operator) await core.call('session:signOut', {});
    core?.close();
  }
}
