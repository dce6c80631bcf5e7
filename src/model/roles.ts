/** The roles of an account (README "Accounts, roles and audit"); the access policy is in `auth/policy.ts`. */

export type Role = 'admin' | 'planner' | 'district' | 'viewer';
export const ROLES: readonly Role[] = ['admin', 'planner', 'district', 'viewer'];
