/**
 * Every route the app registers, called as every role and anonymously. The expected access is
 * written here from issue 7's role descriptions (not read from the policy module), so a route
 * whose guard drifts from the roles fails this test, and a new route is covered automatically.
 */
import request from 'supertest';
import type { Express } from 'express';
import { testApp } from '../helpers/app';
import { testUser, tokenFor } from '../helpers/auth';
import { createScenario } from '../../src/db/scenarios-repo';
import { defaultScenarioParams } from '../../src/model/scenario';
import type { Role } from '../../src/db/users-repo';

type Who = 'anonymous' | Role;
const everyone: Who[] = ['anonymous', 'viewer', 'district', 'planner', 'admin'];
const signedIn: Who[] = ['viewer', 'district', 'planner', 'admin'];

/** Who may pass the gate of a route, from the roles in issue 7. */
function allowed(method: string, path: string): Who[] {
  const read = method === 'GET' || method === 'HEAD';
  if (['/login', '/setup/:token'].includes(path)) return everyone;
  if (read && ['/healthz', '/favicon.ico'].includes(path)) return everyone;
  if (path.startsWith('/admin/') || path === '/api/users') return ['admin'];
  if (path.startsWith('/audit') || path === '/api/audit') return ['admin', 'planner'];
  if (path === '/logout' || path.startsWith('/account')) return signedIn;
  if (path === '/api/selection' || path === '/api/proposals') return signedIn; // computations: they change nothing a user sees
  if (!read && (path.startsWith('/review') || path.startsWith('/api/assessments'))) return ['admin', 'district'];
  if (read && (path.startsWith('/shortlists') || path.startsWith('/api/shortlists') || path.startsWith('/export'))) return ['viewer', 'planner', 'admin'];
  if (read) return signedIn;
  return ['planner', 'admin'];
}

interface RouteDef { method: string; path: string }

function listRoutes(app: Express): RouteDef[] {
  const out: RouteDef[] = [];
  const walk = (stack: { route?: { path: string; methods: Record<string, boolean> }; handle?: { stack?: unknown[] } }[]) => {
    for (const layer of stack) {
      if (layer.route) for (const m of Object.keys(layer.route.methods)) out.push({ method: m.toUpperCase(), path: layer.route.path });
      else if (layer.handle?.stack) walk(layer.handle.stack as never);
    }
  };
  walk((app as unknown as { router: { stack: never[] } }).router.stack);
  return out;
}

describe('authorisation matrix: every route × every role', () => {
  const { db, app } = testApp();
  const tokens: Partial<Record<Role, string>> = {};
  const ids = { scenario: '', shortlist: '', user: 0 };

  beforeAll(async () => {
    for (const role of ['viewer', 'district', 'planner', 'admin'] as Role[]) tokens[role] = await tokenFor(db, role);
    ids.user = (await testUser(db, 'viewer', null)).id;
    const now = new Date().toISOString();
    ids.scenario = createScenario(db, {
      name: 'Matrise', params: defaultScenarioParams, dataHash: 'h', dataVintage: 'v', answersRevision: '', by: 'test', now,
    } as never).id;
    const sl = await request(app).post('/api/shortlists').set('Authorization', `Bearer ${tokens.planner}`)
      .send({ name: 'Matrise', by: 'test', source: { kind: 'manual', kommunenummer: ['5601', '0301'] } });
    ids.shortlist = sl.body.id ?? '';
    if (!ids.shortlist) {
      throw new Error(`could not create a shortlist for the matrix: ${sl.status} ${JSON.stringify(sl.body)}`);
    }
  });

  function concrete(path: string): string {
    return path
      .replace(':token', 'ikke-en-lenke')
      .replace(':kommunenummer', '5601')
      .replace(':knr', '5601')
      .replace(':district', 'Finnmark')
      .replace(':name.geojson', 'fylker.geojson')
      .replace('/export/shortlists/:file', `/export/shortlists/${ids.shortlist}.csv`)
      .replace('/export/:file', '/export/scenario.csv')
      .replace('/admin/users/:id', `/admin/users/${ids.user}`)
      .replace('/admin/tokens/:id', '/admin/tokens/999999')
      .replace(/\/(api\/)?scenarios\/:id/, (_m, api) => `/${api ?? ''}scenarios/${ids.scenario}`)
      .replace(/\/(api\/)?shortlists\/:id/, (_m, api) => `/${api ?? ''}shortlists/${ids.shortlist}`);
  }

  async function call(who: Who, method: string, path: string) {
    const agent = request(app);
    let req = method === 'GET' ? agent.get(path) : method === 'POST' ? agent.post(path) : method === 'PUT' ? agent.put(path)
      : method === 'PATCH' ? agent.patch(path) : agent.delete(path);
    if (who !== 'anonymous') req = req.set('Authorization', `Bearer ${tokens[who]}`);
    if (method !== 'GET') req = req.send({});
    return req.redirects(0);
  }

  it('When the routes are listed, then every area of the app is present', () => {
    const paths = listRoutes(app).map((r) => `${r.method} ${r.path}`);
    expect(paths.length).toBeGreaterThan(60);
    for (const p of ['GET /api/ranking', 'POST /api/import/responses', 'POST /review/:district', 'DELETE /api/scenarios/:id', 'GET /audit', 'POST /admin/users']) {
      expect(paths).toContain(p);
    }
  });

  // Destructive routes go last so the others still find their objects.
  const routes = () => listRoutes(app).sort((a, b) => Number(a.method === 'DELETE' || a.path.endsWith('/delete')) - Number(b.method === 'DELETE' || b.path.endsWith('/delete')));

  it('When each route is called by each role, then the allowed roles pass the gate and the others get 401/403', async () => {
    const failures: string[] = [];
    for (const { method, path } of routes()) {
      const url = concrete(path);
      const may = allowed(method, path);
      for (const who of everyone) {
        const res = await call(who, method, url);
        const status = res.status;
        const toLogin = status === 303 && String(res.headers.location ?? '').startsWith('/login');
        const blocked = status === 401 || status === 403 || (who === 'anonymous' && toLogin);
        if (may.includes(who) && blocked) failures.push(`${who} ${method} ${url}: expected to pass, got ${status}`);
        if (!may.includes(who)) {
          const right = who === 'anonymous' ? status === 401 || toLogin : status === 403;
          if (!right) failures.push(`${who} ${method} ${url}: expected ${who === 'anonymous' ? '401 or sign-in redirect' : '403'}, got ${status}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 180000);

  /**
   * Spellings of a route's path that a case-insensitive or non-strict router would also have served:
   * its literal segments in upper case, the first or the last literal segment capitalised, a trailing
   * slash, a doubled leading slash. (Parameter values are data, e.g. a district's name, not spellings.)
   */
  function variants(template: string, url: string): string[] {
    const [path, query] = url.split('?');
    const q = query ? `?${query}` : '';
    const literal = template.split('/').map((seg) => seg !== '' && !seg.includes(':'));
    const segments = path.split('/');
    const literalIdx = literal.flatMap((isLit, i) => (isLit ? [i] : []));
    const change = (pick: (i: number) => boolean, f: (seg: string) => string) => segments.map((seg, i) => (pick(i) ? f(seg) : seg)).join('/');
    const cap = (seg: string) => seg.charAt(0).toUpperCase() + seg.slice(1);
    const out = [
      change((i) => literal[i], (seg) => seg.toUpperCase()),
      change((i) => i === literalIdx[0], cap),
      change((i) => i === literalIdx[literalIdx.length - 1], cap),
      `${path}/`,
      `/${path}`,
    ];
    return [...new Set(out.map((p) => p + q))].filter((v) => v !== url && v !== '//');
  }

  it('When a route is called with another case or a trailing slash, then the role rules still hold and no variant is served', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const { method, path } of routes()) {
      if (method === 'DELETE' || path.endsWith('/delete')) continue;
      const url = concrete(path);
      const may = allowed(method, path);
      for (const variant of variants(path, url)) {
        for (const who of everyone) {
          const res = await call(who, method, variant);
          checked++;
          const status = res.status;
          const toLogin = status === 303 && String(res.headers.location ?? '').startsWith('/login');
          if (!may.includes(who)) {
            const right = who === 'anonymous' ? status === 401 || toLogin : status === 403;
            if (!right) failures.push(`${who} ${method} ${variant}: expected ${who === 'anonymous' ? '401 or sign-in redirect' : '403'}, got ${status}`);
          } else if (status !== 404) {
            failures.push(`${who} ${method} ${variant}: a variant of ${url} must not be served, got ${status}`);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect(failures).toEqual([]);
  }, 300000);

  it('When a district leader asks for shortlists and exports in other spellings, then every one is refused', async () => {
    const leader = await tokenFor(db, 'district');
    for (const p of ['/API/shortlists', '/Shortlists', '/shortlists/', '/EXPORT/scenario.csv', `/Export/shortlists/${ids.shortlist}.csv`, '/api//shortlists', '/api/%73hortlists']) {
      const res = await request(app).get(p).set('Authorization', `Bearer ${leader}`);
      expect([p, res.status]).toEqual([p, 403]);
    }
    const planner = await tokenFor(db, 'planner');
    for (const p of ['/API/assessments', '/Review/p01', '/review/p01/']) {
      const res = await request(app).post(p).set('Authorization', `Bearer ${planner}`).send({ kommunenummer: '5601', advice: 'supports', reason: 'x' });
      expect([p, res.status]).toEqual([p, 403]);
    }
  });

  it('When an anonymous browser asks for a page, then it is sent to sign in with the page as next', async () => {
    const res = await request(app).get('/responses?district=Finnmark').set('Accept', 'text/html').redirects(0);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/login?next=%2Fresponses%3Fdistrict%3DFinnmark');
  });

  it('When an anonymous client calls the API, then 401 JSON says how to authenticate', async () => {
    const res = await request(app).get('/api/municipalities').expect(401);
    expect(res.body.error.code).toBe('unauthenticated');
  });

  it('When a bearer token is unknown or revoked, then the API refuses it with 401', async () => {
    const res = await request(app).get('/api/ranking').set('Authorization', 'Bearer sv_nonsense').expect(401);
    expect(res.body.error.code).toBe('invalid_token');
  });
});
