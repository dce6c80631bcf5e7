/**
 * Who may do what: one table, checked for every request before any route runs, so a new route is
 * covered by the default (reading needs a signed-in user; changing needs a planner or an admin)
 * until a rule says otherwise. Rules that depend on the data (a district leader's own district)
 * are checked in the route with `assertDistrictAccess`.
 */
import { posix } from 'node:path';
import type { Role, User } from '../db/users-repo';
import { ForbiddenError } from '../common/errors';

type Access = 'public' | 'signedIn' | readonly Role[];

export interface Rule {
  methods: readonly string[] | '*';
  pattern: RegExp;
  access: Access;
}

const READ = ['GET', 'HEAD'] as const;
const WRITE = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;
const planners: readonly Role[] = ['admin', 'planner'];

/** Ordered rules; the first match decides. */
export const accessRules: readonly Rule[] = [
  { methods: READ, pattern: /^\/(healthz|favicon\.ico)$/, access: 'public' },
  { methods: '*', pattern: /^\/(static|vendor)\//, access: 'public' },
  { methods: ['GET', 'POST'], pattern: /^\/login$/, access: 'public' },
  { methods: ['GET', 'POST'], pattern: /^\/setup\/[^/]+$/, access: 'public' },
  { methods: ['POST'], pattern: /^\/logout$/, access: 'signedIn' },
  { methods: '*', pattern: /^\/account(\/|$)/, access: 'signedIn' },
  { methods: '*', pattern: /^\/(admin\/|api\/users)/, access: ['admin'] },
  { methods: READ, pattern: /^\/(audit|api\/audit)/, access: planners },
  // Computations that change nothing.
  { methods: ['POST'], pattern: /^\/api\/(selection|proposals)$/, access: 'signedIn' },
  // District assessments: district leaders (own district, checked in the route) and admins.
  { methods: WRITE, pattern: /^\/(review|api\/assessments)(\/|$)/, access: ['admin', 'district'] },
  { methods: READ, pattern: /^\/(review|api\/assessments)(\/|$)/, access: ['admin', 'planner', 'district', 'viewer'] },
  // Shortlists and exports carry every district's assessments: not for district leaders.
  { methods: WRITE, pattern: /^\/(shortlists|api\/shortlists)(\/|$)/, access: planners },
  { methods: READ, pattern: /^\/(shortlists|api\/shortlists|export)(\/|$|\.)/, access: ['admin', 'planner', 'viewer'] },
  { methods: READ, pattern: /.*/, access: 'signedIn' },
  { methods: WRITE, pattern: /.*/, access: planners },
];

/**
 * The one path form the rules are compared with: percent-decoded, lower case, runs of slashes (and
 * backslashes) as one `/`, no trailing slash. Every spelling of a path that any router could
 * match (`/API/Shortlists/`, `/api//shortlists`, `/api/%73hortlists`) gets the same rule as the
 * canonical path; the routers themselves are case-sensitive and strict (`appRouter`), so the
 * variants are 404 for whoever passes the gate.
 */
export function policyPath(path: string): string {
  let p = path;
  try {
    p = decodeURIComponent(p);
  } catch {
    // Malformed percent-encoding: compared as written (no route matches it; the router says 400).
  }
  // Dot segments resolved too (`/static/../api/x` is `/api/x`), so a public prefix cannot be borrowed.
  p = posix.normalize('/' + p.toLowerCase().replace(/[/\\]+/g, '/'));
  if (p.length > 1) p = p.replace(/\/+$/, '');
  return p === '' ? '/' : p;
}

/** The rule that applies to a request (the path is normalised with `policyPath` first). */
export function ruleFor(method: string, path: string): Rule {
  const normal = policyPath(path);
  const rule = accessRules.find((r) => (r.methods === '*' || r.methods.includes(method.toUpperCase())) && r.pattern.test(normal));
  return rule ?? { methods: '*', pattern: /.*/, access: planners };
}

/** What a rule says about a user: let them through, ask them to sign in, or refuse. */
export type AccessDecision = 'allow' | 'signIn' | 'refuse';

/** Applies a rule to a user (or nobody). */
export function decide(rule: Rule, user: User | undefined): AccessDecision {
  if (rule.access === 'public') return 'allow';
  if (!user) return 'signIn';
  return rule.access === 'signedIn' || rule.access.includes(user.role) ? 'allow' : 'refuse';
}

/**
 * Whether a user may see something of a police district: everyone but a district leader, who sees only their own
 * district (never what belongs to no district, such as a letter whose sender is not known). Routes that must not
 * reveal that the thing exists answer 404 when this is false; `assertDistrictAccess` answers 403.
 */
export function mayReadDistrict(user: User | undefined | null, district: string | null): boolean {
  if (!user || user.role !== 'district') return true;
  return district !== null && user.district === district;
}

/**
 * A district leader may only read or change what belongs to their own police district.
 * @throws AppError 403 naming both districts otherwise
 */
export function assertDistrictAccess(user: User | undefined, district: string): void {
  if (!mayReadDistrict(user, district)) {
    throw new ForbiddenError({ key: 'err.districtOnly', params: { own: user?.district ?? '', other: district } });
  }
}

/** True when the user may change municipal answers, scenarios and shortlists. */
export const canPlan = (user: User | undefined | null): boolean => !!user && (user.role === 'admin' || user.role === 'planner');
