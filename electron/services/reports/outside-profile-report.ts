/**
 * Accounts outside profile (issue 13 §2): every live account that no access profile of its holder's
 * position proposes, or proposes with another role, by line manager, for review with them (REP-2).
 * The register as it stands today: the whole Trust is matched at once against every profile.
 */
import { byName, outsideProfile, profileMatcher } from '../../../shared/policy/access-profiles';
import { activePeople, listProfiles, liveAccountsByPerson } from '../../store/profile-queries';
import { type ReportDefinition, text } from './report-definition';

export const outsideProfileReport: ReportDefinition = (db, period) => {
  const profiles = listProfiles(db);
  const matcher = profileMatcher(profiles);
  const held = liveAccountsByPerson(db);
  const rows: (string | null)[][] = [];
  let people = 0;
  for (const person of activePeople(db)) {
    const accounts = held.get(person.id);
    if (!accounts) continue;
    const outside = outsideProfile(accounts, matcher.propose(person));
    if (outside.length > 0) people += 1;
    for (const o of outside)
      rows.push([
        person.lineManagerName ?? 'No line manager recorded',
        person.name,
        person.employeeNumber,
        person.team,
        o.systemName,
        o.role,
        o.reason,
      ]);
  }
  rows.sort((a, b) => byName(a[0] ?? '', b[0] ?? ''));
  return {
    period: `As at ${period.today}`,
    columns: [
      text('Line manager'),
      text('Person'),
      text('Employee number'),
      text('Team'),
      text('System'),
      text('Role'),
      text('Why it is outside profile'),
    ],
    rows,
    notes: [
      profiles.length === 0
        ? 'No access profiles are defined yet, so every account is outside profile. Define them on the Access profiles screen.'
        : `${rows.length === 1 ? '1 account' : `${rows.length} accounts`} held by ${people === 1 ? '1 person' : `${people} people`} ${rows.length === 1 ? 'is' : 'are'} not explained by any of the ${profiles.length} access profiles. Ask each line manager whether they are still needed (CHG-2).`,
    ],
    chart: null,
  };
};
