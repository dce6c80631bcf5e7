import type { Request } from 'express';

/** The signed-in user's name: who a change is recorded against (history, audit log). */
export function actorOf(req: Request): string {
  const name = req.auth?.user.name;
  if (!name) throw new Error('actorOf called on a request without a signed-in user');
  return name;
}
