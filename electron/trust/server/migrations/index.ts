/** The Trust register's schema steps, in order. Append only: a shipped step is never edited. */
import { rolesAndRegisterMigration } from './0001-roles-and-register';
import { trustChainMigration } from './0002-trust-chain';
import { licenceCapsMigration } from './0003-licence-caps';
import { accessMigration } from './0004-access';
import { operatorLoginsMigration } from './0005-operator-logins';
import { changeFeedMigration } from './0006-change-feed';
import { auditSignaturesMigration } from './0007-audit-signatures';
import { auditWhereMigration } from './0008-audit-where';
import { sharedReferenceDataMigration } from './0009-shared-reference-data';
import { sharedAccessReviewsMigration } from './0010-shared-access-reviews';
import { eventHashCachedMigration } from './0011-event-hash-cached';
import { reviewItemsInSetsMigration } from './0012-review-items-in-sets';
import type { ServerMigration } from './types';

export const SERVER_MIGRATIONS: readonly ServerMigration[] = [
  rolesAndRegisterMigration,
  trustChainMigration,
  licenceCapsMigration,
  accessMigration,
  operatorLoginsMigration,
  changeFeedMigration,
  auditSignaturesMigration,
  auditWhereMigration,
  sharedReferenceDataMigration,
  sharedAccessReviewsMigration,
  eventHashCachedMigration,
  reviewItemsInSetsMigration,
];
