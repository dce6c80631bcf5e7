/**
 * The account page (a user changes their own password) and user administration (admins create and
 * change users and revoke API tokens). Every change is audited by the repositories.
 */
import { weakPasswordText } from './password-text';
import type { Request, RequestHandler } from 'express';
import type { Db } from '../../../db/connection';
import { NotFoundError, ValidationError, describeZodError, messageOf, shownValue } from '../../../common/errors';
import type { Locale } from '../../../common/i18n';
import { MIN_PASSWORD_LENGTH, hashPassword, validatePassword, verifyPassword } from '../../../auth/passwords';
import { revokeApiToken } from '../../../auth/sessions';
import { createUser, findUserForLogin, getUser, listUsers, setPasswordHash, updateUser, type User } from '../../../db/users-repo';
import { listPoliceDistricts } from '../../../db/municipalities-repo';
import type { Role } from '../../../model/roles';
import { parse } from '../../validate';
import { idParams, passwordBody, userBody, userPatchBody } from './schemas';
import { renderAccount, renderAdminUsers } from './views';

/** The district of a district user (one of the police districts); null for every other role. @throws ValidationError */
function districtFor(db: Db, role: Role, district: string | undefined): string | null {
  if (role !== 'district') return null;
  const known = listPoliceDistricts(db).map((d) => d.name);
  if (!district || !known.includes(district)) throw new ValidationError({ key: 'err.userDistrict', params: { list: known.join(', ') } });
  return district;
}

/** The numeric id of the path; an id that cannot exist is a 404 like an unknown one. */
function pathId(req: Request, what: 'user' | 'token'): number {
  const r = idParams.safeParse(req.params);
  if (!r.success) throw new NotFoundError({ key: what === 'user' ? 'err.noUser' : 'err.noToken', params: { id: shownValue(String(req.params.id)) } });
  return r.data.id;
}

export const showAccount: RequestHandler = (_req, res) => renderAccount(res, 200, null, null);

/** `POST /account/password`: the current password, then the new one twice. */
export function changePassword(db: Db): RequestHandler {
  return async (req, res) => {
    const auth = req.auth!;
    const body = parse(passwordBody, req.body);
    const found = findUserForLogin(db, auth.user.name)!;
    if (!(await verifyPassword(body.current, found.passwordHash))) return renderAccount(res, 400, res.locals.t('auth.wrongCurrent'), null);
    const weak = validatePassword(body.password);
    if (weak) return renderAccount(res, 400, weakPasswordText(res, weak), null);
    if (body.password !== body.password2) return renderAccount(res, 400, res.locals.t('auth.mismatch'), null);
    await setPassword(db, auth.user, body.password, auth.session?.idHash);
    return renderAccount(res, 200, null, res.locals.t('auth.passwordChanged'));
  };
}

async function setPassword(db: Db, user: User, password: string, keepSession: string | undefined): Promise<void> {
  setPasswordHash(db, user.id, await hashPassword(password), user.name, new Date().toISOString(), keepSession);
}

export function showUsers(db: Db): RequestHandler {
  return (_req, res) => renderAdminUsers(db, res);
}

export function usersJson(db: Db): RequestHandler {
  return (_req, res) => {
    res.json(listUsers(db));
  };
}

/** Checks a new user and creates it. @throws ValidationError naming the field */
async function addUser(db: Db, input: unknown, actor: string, locale: Locale): Promise<void> {
  const parsed = userBody.safeParse(input);
  if (!parsed.success) throw new ValidationError(describeZodError(parsed.error, undefined, locale));
  const weak = validatePassword(parsed.data.password);
  if (weak) throw new ValidationError({ key: weak === 'short' ? 'auth.pwShort' : 'auth.pwLong', params: { min: MIN_PASSWORD_LENGTH } });
  const district = districtFor(db, parsed.data.role, parsed.data.district || undefined);
  if (findUserForLogin(db, parsed.data.name)) throw new ValidationError({ key: 'err.userExists', params: { name: parsed.data.name } });
  createUser(db, { name: parsed.data.name, role: parsed.data.role, district, passwordHash: await hashPassword(parsed.data.password) }, actor, new Date().toISOString());
}

/** `POST /admin/users`: a person sees the form again with the reason; an API client gets the error. */
export function createUserHandler(db: Db): RequestHandler {
  return async (req, res) => {
    try {
      await addUser(db, req.body, req.auth!.user.name, res.locals.locale);
    } catch (err) {
      if (err instanceof ValidationError && req.accepts('html') && !req.headers.authorization) return renderAdminUsers(db, res, 400, messageOf(err, res.locals.locale));
      throw err;
    }
    res.redirect(303, '/admin/users');
  };
}

/** `POST /admin/users/:id`: role, district, disabled; an admin cannot demote or disable themself. */
export function updateUserHandler(db: Db): RequestHandler {
  return (req, res) => {
    const id = pathId(req, 'user');
    const user = getUser(db, id);
    if (!user) throw new NotFoundError({ key: 'err.noUser', params: { id } });
    const body = parse(userPatchBody, req.body ?? {});
    const role = body.role ?? user.role;
    const district = districtFor(db, role, body.district || user.district || undefined);
    const disabled = body.disabled === 'on';
    if (user.id === req.auth!.user.id && (role !== 'admin' || disabled)) {
      throw new ValidationError({ key: 'err.ownAdmin' });
    }
    updateUser(db, id, { role, district, disabled }, req.auth!.user.name, new Date().toISOString());
    res.redirect(303, '/admin/users');
  };
}

export function revokeTokenHandler(db: Db): RequestHandler {
  return (req, res) => {
    const id = pathId(req, 'token');
    if (!revokeApiToken(db, id, req.auth!.user.name, new Date().toISOString())) throw new NotFoundError({ key: 'err.noToken', params: { id } });
    res.redirect(303, '/admin/users');
  };
}
