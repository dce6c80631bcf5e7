/**
 * The request schemas of sign-in, setup, the account page, user administration and the audit log:
 * one schema per input, read by the handlers with `parse` (web/validate.ts).
 */
import { z } from 'zod';
import { nameText } from '../../../common/fields';
import { ROLES, type Role } from '../../../model/roles';

const role = z.enum(ROLES as [Role, ...Role[]]);
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}/).optional().or(z.literal(''));

export const loginBody = z.object({ name: nameText(64), password: z.string().min(1).max(200), next: z.string().optional(), _csrf: z.string().optional() });

/** A new user (the admin form, and the setup link with role `admin`). */
export const userBody = z.object({
  name: z.string().trim().min(2, 'must have at least 2 characters').max(64).regex(/^[\p{L}\p{N}._@-]+$/u, 'may contain letters, digits and . _ @ - only'),
  role,
  district: z.string().trim().optional(),
  password: z.string(),
  password2: z.string().optional(),
  _csrf: z.string().optional(),
});

/** The path parameter of a setup link. */
export const setupParams = z.object({ token: z.string().max(200) });

/** The account page's password change (the checks of the password itself are `validatePassword`'s). */
export const passwordBody = z.object({
  current: z.string().max(200).default(''),
  password: z.string().max(200).default(''),
  password2: z.string().max(200).optional(),
  _csrf: z.string().optional(),
});

/** A numeric id in a path (`/admin/users/:id`, `/admin/tokens/:id/revoke`). */
export const idParams = z.object({ id: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) });

/** A change to a user: fields left out keep their value; `disabled` is a checkbox (`on`). */
export const userPatchBody = z.object({
  role: role.optional(),
  district: z.string().trim().max(80).optional(),
  disabled: z.string().optional(),
  _csrf: z.string().optional(),
});

/** The audit log's filter (page, HTML table, JSON and CSV). */
export const auditQuery = z.object({
  entity: z.string().max(40).optional(), actor: z.string().max(64).optional(), entityId: z.string().max(80).optional(),
  from: isoDay, to: isoDay,
  page: z.coerce.number().int().min(1).default(1),
});
export type AuditQuery = z.output<typeof auditQuery>;
