/**
 * Per-account rate limit on the expensive routes (robustness, exact selection, exports, shortlist
 * snapshots, profiles, exact scenario comparison): a token bucket per account of `burst` requests
 * refilled at `perMinute` per minute (`heavyLimits` in `src/model/limits.ts`). Over the limit:
 * 429 with Retry-After and a message in the user's language. Kept in memory: it protects this
 * process's workers, and a restart forgets it (nothing is written to the database).
 */
import type { Request, RequestHandler } from 'express';
import { heavyLimits } from '../model/limits';
import { localError } from './errors';

export type HeavyLimitOptions = { perMinute: number; burst: number };

/** Whether a request starts a heavy computation (paths as the case-sensitive, strict routers match them). */
export function isHeavy(req: Request): boolean {
  const p = req.path;
  if (req.method === 'GET' || req.method === 'HEAD') {
    if (p === '/api/robustness' || p.startsWith('/export/') || /^\/municipalities\/[^/]+$/.test(p)) return true;
    if ((p === '/api/scenarios/compare' || p === '/compare') && req.query.solver === 'exact') return true;
    return false;
  }
  if (req.method === 'POST') {
    if (p === '/api/selection') return (req.body as { method?: unknown } | undefined)?.method !== 'greedy';
    return p === '/api/shortlists' || p === '/shortlists';
  }
  return false;
}

/** The middleware (one bucket per account id). */
export function heavyRateLimit(options: HeavyLimitOptions = heavyLimits, now: () => number = Date.now): RequestHandler {
  const buckets = new Map<number, { tokens: number; at: number }>();
  const perMs = options.perMinute / 60_000;
  return (req, res, next) => {
    const user = req.auth?.user;
    if (!user || !isHeavy(req)) return next();
    const t = now();
    const b = buckets.get(user.id) ?? { tokens: options.burst, at: t };
    b.tokens = Math.min(options.burst, b.tokens + (t - b.at) * perMs);
    b.at = t;
    buckets.set(user.id, b);
    if (b.tokens < 1) {
      const seconds = Math.max(1, Math.ceil((1 - b.tokens) / perMs / 1000));
      res.setHeader('Retry-After', String(seconds));
      throw localError(429, 'rate_limited', 'err.rateLimited', { limit: options.perMinute, seconds });
    }
    b.tokens -= 1;
    next();
  };
}
