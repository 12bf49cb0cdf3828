/**
 * Roles and what each may do. Pure data: the router in main enforces it, the renderer only uses it
 * to hide what an operator could not do anyway.
 */
export const ROLES = ['administrator', 'ra-officer', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  administrator: 'Administrator',
  'ra-officer': 'Registration Authority officer',
  auditor: 'Auditor',
};

export const PERMISSIONS = [
  'operators:read',
  'operators:manage',
  'audit:read',
  'settings:manage',
  'store:maintain',
  'people:read',
  'people:write',
  'catalogue:read',
  'catalogue:write',
  'requests:read',
  'requests:write',
  'accounts:write',
  'reports:read',
  'smartcard:check',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * Channels that need no particular permission use one of these gates instead:
 * `public` before anyone signs in, `signed-in` for any operator, even before they acknowledge the
 * acceptable use statement (USE-2), so that they can acknowledge it or sign out.
 */
export type Gate = Permission | 'public' | 'signed-in' | 'active';

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  administrator: PERMISSIONS,
  // RA officers check smartcard holders and keep people's records; no catalogue or operator changes.
  'ra-officer': ['people:read', 'people:write', 'catalogue:read', 'requests:read', 'smartcard:check'],
  // Auditors read; they never change anything but their own passphrase.
  auditor: ['audit:read', 'reports:read', 'people:read', 'catalogue:read', 'requests:read', 'operators:read'],
};

export function permissionsOf(role: Role): readonly Permission[] {
  return ROLE_PERMISSIONS[role];
}

export function roleHas(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** What each permission lets an operator do, as a refusal names it ("Your role cannot …"). */
export const PERMISSION_ACTIONS: Record<Permission, string> = {
  'operators:read': 'see the list of operators',
  'operators:manage': 'add, change or revoke operators',
  'audit:read': 'read the audit trail',
  'settings:manage': 'change this workstation’s settings',
  'store:maintain': 'back up, restore or check the store',
  'people:read': 'look people up in the register',
  'people:write': 'add people or change their details',
  'catalogue:read': 'see the catalogue of systems',
  'catalogue:write': 'change the catalogue of systems',
  'requests:read': 'see access requests',
  'requests:write': 'record or progress access requests',
  'accounts:write': 'suspend, lift or de-register accounts',
  'reports:read': 'run reports',
  'smartcard:check': 'check smartcards',
};
