/**
 * The triggers that note which synced rows a command changed (issue 11 §2), for one table: they fire
 * only while a command is being recorded (capture_context has its row), so rows applied from the
 * Trust register are never captured back as local changes.
 */
import { PRIMARY_KEYS, type SyncedTable } from '../../trust/synced-tables';

export function captureTriggers(table: SyncedTable): string {
  return (
    [
      ['INSERT', 'NEW'],
      ['UPDATE', 'NEW'],
      ['DELETE', 'OLD'],
    ] as const
  )
    .map(
      ([event, row]) => `
      CREATE TRIGGER ${table}_capture_${event.toLowerCase()} AFTER ${event} ON ${table}
      WHEN EXISTS (SELECT 1 FROM capture_context)
      BEGIN
        INSERT OR IGNORE INTO captured_changes (outbox_id, table_name, row_key)
          SELECT outbox_id, '${table}', json_array(${PRIMARY_KEYS[table].map((c) => `${row}.${c}`).join(', ')}) FROM capture_context;
      END;`,
    )
    .join('\n');
}
