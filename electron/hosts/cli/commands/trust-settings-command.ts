/** sync settings: the Trust register's own settings (today the offline grace period), through the router. */
import { EXIT } from '../cli-error';
import type { Command } from './command';

export const syncSettingsCommand: Command = {
  name: 'sync settings',
  usage: 'gatehouse sync settings --offline-grace-hours N --as NAME [--passphrase-file FILE] [--json]',
  summary:
    'Set how long any workstation may stay offline before signing in there needs the Trust register again.',
  flags: ['offline-grace-hours', 'as', 'passphrase-file'],
  channels: ['sync:setOfflineGrace'],
  async run(cli) {
    const hours = Number(
      cli.required('offline-grace-hours', 'Say how many hours, 1 to 720, e.g. --offline-grace-hours 72.'),
    );
    await cli.signIn();
    const s = await cli.call('sync:setOfflineGrace', { hours });
    cli.print(
      `Offline grace period for the whole Trust: ${s.offlineGraceHours} hours. Other workstations take it at their next sync.`,
      s,
    );
    return EXIT.ok;
  },
};
