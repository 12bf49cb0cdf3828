/** gatehouse web: serve the app to a browser on this machine. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startReaderService } from '../../../smartcard/pcsc';
import { startWebHost } from '../../web-host';
import { CliError, EXIT } from '../cli-error';
import type { Command } from './command';

/** The built renderer sits beside the bundled CLI (dist/cli -> dist/renderer). */
function rendererDir(env: NodeJS.ProcessEnv): string {
  return env.GATEHOUSE_RENDERER_DIR ?? join(__dirname, '..', 'renderer');
}

export const webCommand: Command = {
  name: 'web',
  usage: 'gatehouse web [--port N]',
  summary: 'Serve Gatehouse to a browser on 127.0.0.1 (prints a one-time sign-in address).',
  flags: ['port'],
  async run(cli) {
    const portText = cli.string('port') ?? '0';
    const port = Number.parseInt(portText, 10);
    if (!/^\d+$/.test(portText) || port > 65_535)
      throw new CliError(`--port must be a number from 0 to 65535 (got "${portText}").`);
    const pollText = cli.io.env.GATEHOUSE_SYNC_POLL_SECONDS ?? '5';
    const pollSeconds = Number(pollText);
    if (!/^\d+(\.\d+)?$/.test(pollText) || pollSeconds < 1 || pollSeconds > 3600)
      throw new CliError(
        `GATEHOUSE_SYNC_POLL_SECONDS must be a number of seconds from 1 to 3600 (got "${pollText}").`,
      );
    const staticDir = rendererDir(cli.io.env);
    if (!existsSync(join(staticDir, 'index.html'))) {
      throw new CliError(`The built renderer is missing from ${staticDir}. Run "npm run build" first.`);
    }
    // Readers for the Smartcard screen, unless turned off (a machine with no PC/SC service at all).
    const readers = cli.io.env.GATEHOUSE_SMARTCARD === 'off' ? null : await startReaderService();
    if (readers && !readers.ok) cli.io.stderr.write(`${readers.message}\n`);
    const host = await startWebHost(
      cli.core({ smartcard: readers?.ok ? readers.service : null, host: 'web' }),
      {
        port,
        staticDir,
        syncPollMs: pollSeconds * 1000,
      },
    );
    cli.print(
      `Gatehouse is serving ${cli.core().paths.dir} at ${host.url}\nOpen that address in a browser on this machine. Press Ctrl+C to stop.`,
      {
        url: host.url,
        dataDir: cli.core().paths.dir,
      },
    );
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await host.close();
    if (readers?.ok) readers.service.stop();
    return EXIT.ok;
  },
};
