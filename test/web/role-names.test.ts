/**
 * A role has one name across the pages: a police district's leader is «distriktsleder» ("district leader") in the
 * header (and so on the account page) as in the refusal text and the users page's district field, never «politidistrikt»,
 * which names the district itself.
 */
import { testApp } from '../helpers/app';
import { agentAs } from '../helpers/auth';

const { db, app } = testApp();

describe('role names', () => {
  it.each([
    ['nb', 'distriktsleder', 'Som distriktsleder'],
    ['en', 'district leader', 'district leader'],
  ])('When a district leader opens their account and a page they may not see in %s, then both call the role «%s»', async (lang, role, refusal) => {
    const leader = await agentAs(app, db, 'district', 'Finnmark');

    const account = await leader.get(`/account?lang=${lang}`);
    const refused = await leader.get(`/audit?lang=${lang}`);

    expect(account.status).toBe(200);
    expect(account.text).toContain(`(${role}, Finnmark)`);
    expect(refused.status).toBe(403);
    expect(refused.text).toContain(refusal);
  });
});

describe('role names on the users page', () => {
  it.each([
    ['nb', 'bare for rollen distriktsleder'],
    ['en', 'only for the district leader role'],
  ])('When an admin opens the users page in %s, then the district field names the role as the role list does («%s»)', async (lang, hint) => {
    const admin = await agentAs(app, db, 'admin');

    const res = await admin.get(`/admin/users?lang=${lang}`);

    expect(res.status).toBe(200);
    expect(res.text).toContain(hint);
    expect(res.text).not.toMatch(/rollen politidistrikt|police district role/);
  });
});
