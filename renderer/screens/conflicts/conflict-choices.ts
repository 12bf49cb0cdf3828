/**
 * What each choice on a conflict says (issue 11 §2): the button, the confirmation naming what will
 * happen, and the result. The choices themselves are the contract's CONFLICT_CHOICES; which a
 * conflict offers is the core's to say (`choices`), never the screen's.
 */
import type { ConflictChoice, SyncConflict } from '../../../shared/contract/sync';

interface ChoiceWords {
  button: string;
  question: (c: SyncConflict) => string;
  confirm: (c: SyncConflict) => string;
  consequences: (c: SyncConflict) => string[];
  done: (c: SyncConflict) => string;
  /** A warning button for what cannot be taken back. */
  warning: boolean;
}

const existingLabel = (c: SyncConflict) => c.existing?.label ?? 'the record already on the register';
const othersSince = (c: SyncConflict) => (c.since.length > 0 ? ' (with what others did to it since)' : '');

export const CHOICE_WORDS: Record<ConflictChoice, ChoiceWords> = {
  discard: {
    button: 'Discard mine',
    question: () => 'Discard your change?',
    confirm: () => 'Discard my change',
    consequences: (c) => [
      `Your change is dropped and never reaches the Trust register: ${c.summary}.`,
      `The register keeps what it has now${othersSince(c)}, and so does this workstation.`,
      'This cannot be undone; the decision and your reason go into the audit trail.',
    ],
    done: (c) => `Your change was discarded: ${c.summary}. The register keeps what it has.`,
    warning: true,
  },
  apply: {
    button: 'Apply anyway',
    question: () => 'Apply your change anyway?',
    confirm: () => 'Apply my change anyway',
    consequences: (c) => [
      `Your change is run again on the Trust register as it stands now, through the same rules: ${c.summary}.`,
      c.since.length > 0
        ? 'It goes over what others did to the record since, where the two touch the same details.'
        : 'Where a rule allows an override, your reason is recorded as the override.',
      'If a rule still refuses it, it stays here with why; the decision and your reason go into the audit trail.',
    ],
    done: (c) =>
      `Your change was applied again: ${c.summary}. If this workstation cannot reach the Trust register now, it goes there when it reconnects.`,
    warning: false,
  },
  link: {
    button: 'Link to the existing record',
    question: (c) => `Link your record to ${existingLabel(c)}?`,
    confirm: (c) => `Link to ${existingLabel(c)}`,
    consequences: (c) => [
      `${c.record ? `Your record ${c.record.label}` : 'The record you made here'} is linked to ${existingLabel(c)}, already on the Trust register, instead of being added again.`,
      'Your later changes to it follow the existing record.',
      'The decision and your reason go into the audit trail.',
    ],
    done: (c) => `Your record was linked to ${existingLabel(c)}.`,
    warning: false,
  },
};
