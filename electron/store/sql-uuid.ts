/**
 * A random (version 4) UUID made by SQLite itself, one per row of an INSERT ... SELECT: rows made on
 * different workstations of one Trust register need keys that never collide, and a Trust-wide access
 * review inserts hundreds of thousands of rows in one statement (issue 13 §4: <= 5 s).
 */
export const SQL_UUID = `(lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' ||
  substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) ||
  substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))))`;
