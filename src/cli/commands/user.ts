import { parseArgs, stringFlag } from '../args';
import { openCliDatabase } from '../db-context';
import { cliActor } from '../actor';
import { CliUsageError, type CommandFn } from '../types';
import { ROLES, createUser, findUserForLogin, listUsers, type Role } from '../../db/users-repo';
import { listPoliceDistricts } from '../../db/municipalities-repo';
import { MIN_PASSWORD_LENGTH, hashPassword, validatePassword } from '../../auth/passwords';

export const usage = `usage: stedsvalg user add --name NAME --role admin|planner|district|viewer [--district DISTRICT]   (password on stdin)
       stedsvalg user list [--json]
  The change is recorded in the audit log as cli:<OS user name>.`;

/**
 * `stedsvalg user add --name NAME --role ROLE [--district DISTRICT]` (password read from stdin)
 * and `stedsvalg user list [--json]`.
 */
export const run: CommandFn = async (args, io) => {
  const [sub, ...rest] = args;
  const parsed = parseArgs(rest, ['json']);
  if (sub !== 'add' && sub !== 'list') throw new CliUsageError(usage);
  const db = openCliDatabase(parsed);
  try {
    if (sub === 'list') {
      const users = listUsers(db);
      io.stdout(parsed.flags.json ? JSON.stringify(users, null, 2) + '\n' : users.map((u) => `${u.id}\t${u.name}\t${u.role}${u.district ? '\t' + u.district : ''}${u.disabled ? '\tdisabled' : ''}`).join('\n') + '\n');
      return 0;
    }
    const name = stringFlag(parsed, 'name', true).trim();
    const role = stringFlag(parsed, 'role', true) as Role;
    if (!ROLES.includes(role)) throw new CliUsageError(`--role must be one of ${ROLES.join(', ')}, got "${role}"`);
    if (!/^[\p{L}\p{N}._@-]{2,64}$/u.test(name)) throw new CliUsageError('--name must be 2–64 letters, digits or . _ @ -');
    const district = stringFlag(parsed, 'district') ?? null;
    const districts = listPoliceDistricts(db).map((d) => d.name);
    if (role === 'district' && (!district || !districts.includes(district))) throw new CliUsageError(`--district is required for role district: one of ${districts.join(', ')}`);
    if (role !== 'district' && district) throw new CliUsageError('--district is only for role district');
    if (findUserForLogin(db, name)) throw new CliUsageError(`a user named "${name}" already exists`);
    if (!io.readStdin) throw new CliUsageError('the password must be given on standard input');
    const password = (await io.readStdin()).replace(/\r?\n$/, '');
    const weak = validatePassword(password);
    if (weak) throw new CliUsageError(weak === 'short' ? `password must have at least ${MIN_PASSWORD_LENGTH} characters` : 'password must have at most 200 characters');
    const user = createUser(db, { name, role, district, passwordHash: await hashPassword(password) }, cliActor(db), new Date().toISOString());
    io.stdout(`created user ${user.name} (${user.role}${user.district ? ', ' + user.district : ''}) with id ${user.id}\n`);
    return 0;
  } finally {
    db.close();
  }
};
