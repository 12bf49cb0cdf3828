/** Every migration, in order. Append only: a shipped migration is never edited. */
import { initialMigration } from './0001-initial';
import { catalogueMigration } from './0002-catalogue';
import { registerMigration } from './0003-register';
import { requestsMigration } from './0004-requests';
import { suspensionsMigration } from './0005-suspensions';
import { downtimeMigration } from './0006-downtime';
import { operatorScopeMigration } from './0007-operator-scope';
import { accountIndexesMigration } from './0008-account-indexes';
import { activityMigration } from './0009-activity';
import { inactivityMigration } from './0010-inactivity';
import { esrChangesMigration } from './0011-esr-changes';
import { orphanResolutionMigration } from './0012-orphan-resolution';
import { accountLastSeenIndexMigration } from './0013-account-last-seen-index';
import { operatorCardMigration } from './0014-operator-card';
import { auditSignaturesMigration } from './0015-audit-signatures';
import { auditNoReplaceMigration } from './0016-audit-no-replace';
import { accessProfilesMigration } from './0017-access-profiles';
import { accessReviewsMigration } from './0018-access-reviews';
import { trustLinkMigration } from './0019-trust-link';
import { trustOutboxMigration } from './0020-trust-outbox';
import { sharedReferenceDataMigration } from './0021-shared-reference-data';
import { reviewEscalationSeniorMigration } from './0022-review-escalation-senior';
import { conflictDetailsMigration } from './0023-conflict-details';
import { auditWhereMigration } from './0024-audit-where';
import { sharedAccessReviewsMigration } from './0025-shared-access-reviews';
import type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [
  initialMigration,
  catalogueMigration,
  registerMigration,
  requestsMigration,
  suspensionsMigration,
  downtimeMigration,
  operatorScopeMigration,
  accountIndexesMigration,
  activityMigration,
  inactivityMigration,
  esrChangesMigration,
  orphanResolutionMigration,
  accountLastSeenIndexMigration,
  operatorCardMigration,
  auditSignaturesMigration,
  auditNoReplaceMigration,
  accessProfilesMigration,
  accessReviewsMigration,
  trustLinkMigration,
  trustOutboxMigration,
  sharedReferenceDataMigration,
  reviewEscalationSeniorMigration,
  conflictDetailsMigration,
  auditWhereMigration,
  sharedAccessReviewsMigration,
];
