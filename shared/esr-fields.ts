/**
 * A person as ESR writes them: an assignment number beside (or instead of) the employee number, and
 * a name as "Surname, Title Firstname". Both are read into what the register holds: the employee
 * number, and the name without its title.
 */

/** Titles ESR and HR put before a first name; a name is matched and stored without them. */
const TITLES = 'mrs|mr|miss|ms|mx|dr|prof|professor|rev|revd|sir|dame';
const TITLE = new RegExp(`^(?:${TITLES})\\.?$`, 'i');
const LEADING_TITLE = new RegExp(`^\\s*(?:${TITLES})\\.?\\s`, 'i');

/**
 * "Patel, Mrs. Sam" → "Sam Patel"; "Patel, Sam" → "Sam Patel"; "Dr Sam Patel" → "Sam Patel". A name
 * that would be nothing but a title is left as written.
 */
export function nameWithoutTitle(name: string): string {
  const comma = name.indexOf(',');
  // The register's own names mostly need nothing done: checked cheaply, as 50,000 are matched at once.
  if (comma < 0 && !LEADING_TITLE.test(name)) return name;
  const ordered = comma >= 0 ? `${name.slice(comma + 1).replace(/,/g, ' ')} ${name.slice(0, comma)}` : name;
  const words = ordered.trim().split(/\s+/);
  while (words.length > 1 && TITLE.test(words[0]!)) words.shift();
  return words.join(' ');
}

export type EmployeeNumber = { ok: true; value: string | null } | { ok: false; problem: string };

/**
 * The employee number from the employee number and assignment number columns. An assignment number
 * (20481101-2) is the employee number, a dash and the assignment: it gives the employee number when
 * that column is empty, and must agree with it when both are there. It never replaces it.
 */
export function employeeNumberOf(
  employeeNumber: string | undefined,
  assignment: string | undefined,
): EmployeeNumber {
  const number = employeeNumber?.trim() || null;
  const assignmentNumber = assignment?.trim() || null;
  if (!assignmentNumber) return { ok: true, value: number };
  const parts = /^([A-Za-z0-9]+)-\d{1,3}$/.exec(assignmentNumber);
  if (!parts)
    return {
      ok: false,
      problem: `assignment number "${assignmentNumber}" is not as ESR writes it (the employee number, a dash and the assignment, like 20481101-2)`,
    };
  if (number && number !== parts[1])
    return {
      ok: false,
      problem: `assignment number ${assignmentNumber} is not one of employee ${number}'s assignments`,
    };
  return { ok: true, value: parts[1]! };
}
