/**
 * Readers as the reader service reports them, set by the test: for the services that act on what is
 * in a reader (holder check, card sign-in, lock on removal). The service itself is tested against the
 * real pcscd in test/electron/smartcard.
 */
import { EventEmitter } from 'node:events';
import type { CardIdentity, SmartcardState } from '../../../shared/smartcard';

export const CARD_IDENTITY: CardIdentity = {
  uuid: '555123456789',
  holderName: 'Sam Patel',
  subject: 'C=GB, O=nhs, CN=555123456789, GN=Sam, SN=Patel',
  issuer: 'C=GB, O=nhs, OU=CA, CN=NHS Authentication G2',
  validFrom: '2026-01-01T00:00:00.000Z',
  validTo: '2027-01-01T00:00:00.000Z',
  issuerKnown: true,
  expiry: null,
};

export class FakeReaders extends EventEmitter {
  current: SmartcardState = {
    service: 'ready',
    message: 'Insert a smartcard.',
    readers: [
      { name: 'Reader A', card: null },
      { name: 'Reader B', card: null },
    ],
  };

  /** What the core last told the readers to use. */
  configuration: { profile: unknown; atrTable: readonly unknown[] } | null = null;

  state(): SmartcardState {
    return this.current;
  }

  configure(configuration: { profile: unknown; atrTable: readonly unknown[] }): void {
    this.configuration = configuration;
  }

  /** Put a card that has been read into Reader A (or take it out with null), telling listeners. */
  cardInA(identity: CardIdentity | null, state: 'read' | 'failed' = 'read'): void {
    this.current = {
      ...this.current,
      readers: this.current.readers.map((r) =>
        r.name === 'Reader A'
          ? {
              name: r.name,
              card:
                identity || state === 'failed'
                  ? {
                      atr: '3B',
                      cardType: 'NHS',
                      state,
                      identity,
                      problem: identity ? null : 'The card stopped answering.',
                    }
                  : null,
            }
          : r,
      ),
    };
    this.emit('changed', this.current);
  }
}
