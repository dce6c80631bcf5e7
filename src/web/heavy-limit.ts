/**
 * Per-account rate limit on the expensive routes (robustness, exact selection, exports, shortlist
 * snapshots, profiles, exact scenario comparison): a token bucket per account of `burst` units
 * refilled at `perMinute` units per minute, each request paying its cost (`heavyLimits` in
 * `src/model/limits.ts`). Over the limit:
 * 429 with Retry-After and a message in the user's language. Kept in memory: it protects this
 * process's workers, and a restart forgets it (nothing is written to the database).
 */
import type { Request, RequestHandler } from 'express';
import { heavyLimits } from '../model/limits';
import { RateLimitedError } from '../common/errors';

export type HeavyLimitOptions = { perMinute: number; burst: number };

/** A path segment as the router gives it to the route (percent-decoded), so `p-%30…` is looked up as `p-0…`. */
function decodedSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * The K of a stored proposal and of a saved scenario by id (null when there is none): a stored proposal's robustness
 * runs at its own K, a profile page at its saved scenario's K (their queries have no `k`).
 */
export interface StoredK {
  proposal: (id: string) => number | null;
  scenario: (id: string) => number | null;
}

const noStoredK: StoredK = { proposal: () => null, scenario: () => null };

/** Units of a robustness run: 1,000 samples at K = 20 is a unit; a larger K re-chooses a larger set in every sample. */
function robustnessUnits(samples: number, k: number | null): number {
  const units = (Number.isFinite(samples) && samples > 0 ? samples : 1000) / 1000 * (k !== null && Number.isFinite(k) && k > 20 ? k / 20 : 1);
  return Math.max(1, Math.ceil(units));
}

/**
 * What a request costs in units of `heavyLimits` (0: not heavy), by the path as the case-sensitive,
 * strict routers match it. `storedK` gives the K of what a request names by id instead of by `k`.
 */
export function heavyCost(req: Request, storedK: StoredK = noStoredK): number {
  const p = req.path;
  if (req.method === 'GET' || req.method === 'HEAD') {
    const stored = /^\/api\/proposals\/([^/]+)\/robustness$/.exec(p);
    if (p === '/api/robustness' || stored) {
      return robustnessUnits(Number(req.query.samples), stored ? storedK.proposal(decodedSegment(stored[1])) : Number(req.query.k));
    }
    // A profile shows its scenario's proposal and that proposal's robustness (1,000 samples) at the scenario's K.
    if (/^\/municipalities\/[^/]+$/.test(p)) {
      const scenario = typeof req.query.scenario === 'string' && req.query.scenario !== '' ? req.query.scenario : null;
      return robustnessUnits(1000, scenario ? storedK.scenario(scenario) : Number(req.query.k));
    }
    if (p.startsWith('/export/')) return 2;
    // A comparison reads (or first solves) both scenarios' stored exact proposals; `solver=greedy` (API) is a preview.
    if ((p === '/api/scenarios/compare' || p === '/compare') && req.query.a && req.query.b && req.query.solver !== 'greedy') return 2;
    return 0;
  }
  if (req.method === 'POST') {
    if (p === '/api/selection') return (req.body as { method?: unknown } | undefined)?.method === 'greedy' ? 0 : 2;
    // The workspace asks for the stored proposal after each change: one unit (an exact K = 20 solve, or a lookup).
    if (p === '/api/proposals') return (req.body as { solver?: unknown } | undefined)?.solver === 'greedy' ? 0 : 1;
    if (p === '/api/shortlists' || p === '/shortlists') return 3;
  }
  return 0;
}

/** The middleware (one bucket per account id). */
export function heavyRateLimit(options: HeavyLimitOptions = heavyLimits, now: () => number = Date.now, storedK: StoredK = noStoredK): RequestHandler {
  const buckets = new Map<number, { tokens: number; at: number }>();
  const perMs = options.perMinute / 60_000;
  return (req, _res, next) => {
    const user = req.auth?.user;
    const cost = user ? heavyCost(req, storedK) : 0;
    if (!user || cost === 0) return next();
    const t = now();
    const b = buckets.get(user.id) ?? { tokens: options.burst, at: t };
    b.tokens = Math.min(options.burst, b.tokens + (t - b.at) * perMs);
    b.at = t;
    buckets.set(user.id, b);
    if (b.tokens < cost) {
      const seconds = Math.max(1, Math.ceil((cost - b.tokens) / perMs / 1000));
      throw new RateLimitedError({ key: 'err.rateLimited', params: { limit: options.perMinute, seconds } }, seconds);
    }
    b.tokens -= cost;
    next();
  };
}
