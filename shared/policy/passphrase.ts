/**
 * Operator passphrase rules. Length matters more than character classes (NCSC and NIST SP 800-63B),
 * so the rules are: at least 12 characters, not a well-known password, not the operator's own name.
 */
export const MIN_PASSPHRASE_LENGTH = 12;
export const MAX_PASSPHRASE_LENGTH = 1024;

// Well-known passwords of 12 characters or more (from public breach-frequency lists), compared
// case-insensitively with spaces removed.
const COMMON_PASSPHRASES = new Set([
  'password1234',
  'password12345',
  'password123456',
  'passwordpassword',
  'qwertyuiop123',
  'qwertyuiopasdf',
  'qwertyuiopasdfghjkl',
  '123456789012',
  '1234567890123',
  '12345678901234',
  '123456123456',
  '111111111111',
  '000000000000',
  'abcdefghijkl',
  'abc123abc123',
  'iloveyou1234',
  'letmein12345',
  'welcome12345',
  'welcome123456',
  'changeme1234',
  'changemenow1',
  'administrator',
  'administrator1',
  'admin1234567',
  'adminadmin123',
  'correcthorsebatterystaple',
  'trustno1trustno1',
  'baseball1234',
  'football1234',
  'sunshine1234',
  'princess1234',
  'monkey123456',
  'dragon123456',
  'nhspassword1',
  'nhspassword123',
  'gatehouse123',
  'gatehouse1234',
]);

export interface PassphraseCheck {
  ok: boolean;
  /** Sentences that tell the person what to change. Empty when ok. */
  problems: string[];
}

/**
 * `whose` says who will hold the passphrase: the person typing it ('own'), or an operator an
 * administrator is adding ('new-operator'), so the sentence speaks to the right person.
 */
export function checkPassphrase(
  passphrase: string,
  name?: string,
  whose: 'own' | 'new-operator' = 'own',
): PassphraseCheck {
  const problems: string[] = [];
  const length = [...passphrase].length;
  if (length < MIN_PASSPHRASE_LENGTH) {
    problems.push(`Use at least ${MIN_PASSPHRASE_LENGTH} characters (this one has ${length}).`);
  }
  if (length > MAX_PASSPHRASE_LENGTH) {
    problems.push(`Use at most ${MAX_PASSPHRASE_LENGTH} characters.`);
  }
  const folded = passphrase.toLowerCase().replace(/\s+/g, '');
  if (COMMON_PASSPHRASES.has(folded)) {
    problems.push('That passphrase is on a list of common passwords; choose something less guessable.');
  }
  if (name !== undefined && name.trim().length > 0) {
    const foldedName = name.toLowerCase().replace(/\s+/g, '');
    if (foldedName.length > 0 && folded.includes(foldedName)) {
      problems.push(
        whose === 'own'
          ? 'Do not include your own name in the passphrase.'
          : `The passphrase must not contain the operator’s name (${name.trim()}).`,
      );
    }
  }
  return { ok: problems.length === 0, problems };
}
