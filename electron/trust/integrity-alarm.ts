/**
 * An alarm, not an outage (issue 11 §3): this workstation's audit chain no longer matches what the
 * Trust register holds for it (an old backup restored, a tampered file), or the Trust chain itself
 * does not verify. Nothing is merged either way; the sentence is kept in the store so every screen
 * and `sync status` show it until a sync goes through cleanly again.
 */
import { GatehouseError } from '../store/errors';

export class TrustIntegrityAlarm extends GatehouseError {
  constructor(sentence: string) {
    super('CONFLICT', sentence);
  }
}
