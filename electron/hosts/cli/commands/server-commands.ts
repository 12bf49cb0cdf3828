/**
 * `gatehouse server init`: the Trust database administrator sets up (or migrates) the Trust
 * register's schema with the database owner's login. It touches no workstation store, so it runs
 * without signing in to one (the only command besides `init` that does not go through a store's router).
 */
import { readFileSync } from 'node:fs';
import { clientConfig, connect, displayUrl } from '../../../trust/connection';
import { initServer } from '../../../trust/server/init-server';
import { CliError, EXIT } from '../cli-error';
import type { CliContext } from '../cli-context';
import type { Command } from './command';

/** The --postgres address and the --ca file's text (or null for the system's trusted CAs). */
export function trustTargetFlags(cli: CliContext): { url: string; ca: string | null } {
  const url = cli.required(
    'postgres',
    'Give the Trust register, e.g. --postgres postgres://USER@HOST:5432/gatehouse.',
  );
  const caPath = cli.string('ca');
  if (caPath === undefined) return { url, ca: null };
  try {
    return { url, ca: readFileSync(caPath, 'utf8') };
  } catch (error) {
    throw new CliError(
      `Cannot read the CA file ${caPath} (${(error as NodeJS.ErrnoException).code ?? 'error'}): give the PEM file of the CA that signed the server's certificate.`,
    );
  }
}

export const serverInitCommand: Command = {
  name: 'server init',
  usage: 'gatehouse server init --postgres URL [--ca FILE]   (password from the URL or PGPASSWORD)',
  summary: 'Set up or migrate the Trust register on PostgreSQL (for the Trust’s database administrator).',
  flags: ['postgres', 'ca'],
  async run(cli) {
    const target = trustTargetFlags(cli);
    const client = await connect(clientConfig(target));
    try {
      const result = await initServer(client);
      const where = displayUrl(target.url);
      cli.print(
        result.applied.length === 0
          ? `The Trust register at ${where} is already at schema ${result.to}; nothing to do.`
          : `The Trust register at ${where} is at schema ${result.to} (was ${result.from}): ${result.applied.join(', ')}.`,
        result,
      );
      return EXIT.ok;
    } finally {
      await client.end();
    }
  },
};
