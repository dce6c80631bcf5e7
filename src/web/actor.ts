import type { Request } from 'express';

/** The signed-in user's name: who a change is recorded against (history, audit log). */
export function actorOf(req: Request): string {
  const name = req.auth?.user.name;
  if (!name) throw new Error('actorOf called on a request without a signed-in user');
  return name;
}

/** What the signed-in user may see of the planning data (district leaders: only their own district's advice). */
export function planningViewOf(req: Request): { adviceDistrict?: string | null } {
  const user = req.auth?.user;
  return user?.role === 'district' ? { adviceDistrict: user.district } : {};
}
