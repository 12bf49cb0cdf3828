/**
 * REG-6: what an administrator confirms when an account set-up is done, each with the label the
 * screen shows and the sentence that refuses it. Main refuses the first one missing; the screen lists
 * every one missing at once (issue 12 §4), in the same words.
 */
export interface SetUpConfirmations {
  trainingArranged: boolean;
  loginDetailsIssued: boolean;
  firstLoginChangeSet: boolean;
  note?: string | undefined;
}

export interface SetUpCheck {
  key: keyof Omit<SetUpConfirmations, 'note'>;
  label: string;
  refusal: string;
  /** Whether the set-up as recorded meets it. */
  met: (setUp: SetUpConfirmations) => boolean;
}

export const SET_UP_CHECKS: readonly SetUpCheck[] = [
  {
    key: 'trainingArranged',
    label: 'Training arranged or sign-posted',
    refusal: 'Arrange training or sign-post the person to it before completing the set-up (REG-6).',
    met: (setUp) => setUp.trainingArranged,
  },
  {
    key: 'loginDetailsIssued',
    label: 'Login details issued to the person',
    refusal: 'Issue the login details to the person before completing the set-up (REG-6).',
    met: (setUp) => setUp.loginDetailsIssued,
  },
  {
    key: 'firstLoginChangeSet',
    label: 'Must change password at first login is set',
    refusal: 'Set "change password at first login", or note why the system cannot (REG-6).',
    // A system that cannot force the change is allowed, with the reason noted.
    met: (setUp) => setUp.firstLoginChangeSet || Boolean(setUp.note?.trim()),
  },
];

/** The checks a set-up does not meet, in the order the form shows them. */
export function unmetSetUpChecks(setUp: SetUpConfirmations): SetUpCheck[] {
  return SET_UP_CHECKS.filter((check) => !check.met(setUp));
}
