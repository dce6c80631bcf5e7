import { parseArgs, stringFlag } from '../args';
import { openCliDatabase } from '../db-context';
import { cliActor } from '../actor';
import { CliUsageError, type CommandFn } from '../types';
import { findUserForLogin } from '../../db/users-repo';
import { createApiToken, listApiTokens, revokeApiToken } from '../../auth/sessions';

export const usage = `usage: stedsvalg token create --user NAME [--label TEXT]
       stedsvalg token revoke ID
       stedsvalg token list
  Changes are recorded in the audit log as cli:<OS user name>.`;

/**
 * `stedsvalg token create --user NAME [--label TEXT]` prints a new bearer token as the last word
 * on stdout (shown once; only its hash is stored); `token revoke ID`; `token list`.
 */
export const run: CommandFn = async (args, io) => {
  const [sub, ...rest] = args;
  const parsed = parseArgs(rest, ['json']);
  if (sub !== 'create' && sub !== 'revoke' && sub !== 'list') throw new CliUsageError(usage);
  const db = openCliDatabase(parsed);
  try {
    const now = new Date().toISOString();
    if (sub === 'list') {
      io.stdout(listApiTokens(db).map((t) => `${t.id}\t${t.user}\t${t.label}\t${t.createdAt}\t${t.revokedAt ? 'revoked ' + t.revokedAt : 'active'}`).join('\n') + '\n');
      return 0;
    }
    if (sub === 'revoke') {
      const id = Number(parsed.positionals[0]);
      if (!Number.isInteger(id)) throw new CliUsageError('usage: stedsvalg token revoke ID');
      if (!revokeApiToken(db, id, cliActor(db), now)) {
        io.stderr(`stedsvalg token: no active token with id ${id}\n`);
        return 1;
      }
      io.stdout(`revoked token ${id}\n`);
      return 0;
    }
    const name = stringFlag(parsed, 'user', true);
    const found = findUserForLogin(db, name);
    if (!found) {
      io.stderr(`stedsvalg token: no user named "${name}"\n`);
      return 1;
    }
    const { id, token } = createApiToken(db, found.user, stringFlag(parsed, 'label') ?? '', cliActor(db), now);
    io.stdout(`token ${id} for ${found.user.name} (${found.user.role}); store it now, it is not shown again: ${token}\n`);
    return 0;
  } finally {
    db.close();
  }
};
