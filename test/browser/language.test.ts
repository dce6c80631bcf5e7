/**
 * One language: every page (as each role that sees it) and every export, in bokmål and English,
 * holds no word of the other language, no raw catalogue key and no unfilled placeholder
 * (`test/helpers/language.ts` says how words are told apart). Pages are read as the browser shows
 * them (after the browser code has rendered), including titles, placeholders and labels for screen
 * readers; code (`<code>`) and text marked with a `lang` of its own (the municipalities' answers and letters, quoted as
 * written) is the quoted party's language and is left out.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { browserSuite } from '../helpers/browser';
import { memoryDb, dataset, tempDir } from '../helpers/app';
import { tokenFor } from '../helpers/auth';
import { FindingLog, languageFindings } from '../helpers/language';
import { loadSampleAnswers } from '../../src/samples';
import { loadSampleLetters } from '../../src/letters/samples';
import type { Locale } from '../../src/common/i18n';
import { listMunicipalities } from '../../src/db/municipalities-repo';
import { listAssessments, recordAssessment } from '../../src/db/assessments-repo';
import { listResponses } from '../../src/db/responses-repo';

const DISTRICT = 'Finnmark';
const NOW = '2024-06-01T12:00:00Z';

/**
 * Proper names a page may show in either language, and the texts it quotes as their authors wrote
 * them (the municipalities' answers, the districts' reasons): an English report quoting a Norwegian
 * answer is right to. Pages mark such quotes with `lang`; a PDF or spreadsheet cannot, so the test
 * takes them out by their text.
 */
function names(): string[] {
  const list: string[] = [];
  for (const r of listResponses(suite.db)) {
    list.push(r.q1.challenges, r.q2.reasons, r.q3.cooperation, r.q3.resources, r.q4.comment);
    for (const p of r.q5.premises) list.push(p.address, p.coLocatedWith, p.notes);
  }
  for (const a of listAssessments(suite.db)) list.push(a.reason);
  // A report may shorten a long quote to fit its page: each whole sentence of a quote is a quote too.
  return [...list, ...list.flatMap((q) => (q ?? '').split(/(?<=[.!?])\s+/).filter((x) => x.length > 12))].concat(properNames());
}

function properNames(): string[] {
  const list: string[] = [];
  for (const m of listMunicipalities(suite.db)) list.push(m.name, m.county, m.policeDistrict, m.adminCentre);
  for (const s of dataset().stations) list.push(s.name, s.place);
  for (const s of dataset().sites) list.push(s.place);
  list.push('Stedsvalg', 'Kartverket', 'Samarbeidsdesken', 'Erik Bolstad', 'Robert Hopland', 'Statistisk sentralbyrå', 'Politidirektoratet', 'Politiet', 'Møre og Romsdal', 'Politimester Ås');
  list.push('Norsk', 'English', 'Kortliste våren', 'Vårens forslag', 'Nordlig variant');
  // Quoted titles and the credit line SSB's data require word for word.
  list.push('Postnummer i Noreg med koordinatar', 'Tallene er publisert av Statistisk Sentralbyrå og tilrettelagt av Samarbeidsdesken');
  return list;
}

const suite = browserSuite(async () => {
  const db = memoryDb();
  await loadSampleAnswers(db, { by: 'test', now: NOW, locale: 'nb' });
  await loadSampleLetters(db, { by: 'test', now: NOW });
  return db;
});

interface Ids { scenarioA: string; scenarioB: string; shortlist: string; letter: number; knr: string }
let ids: Ids;
const dir = tempDir('stedsvalg-lang-');

async function api(method: string, url: string, body?: unknown): Promise<Record<string, unknown>> {
  const token = await tokenFor(suite.db, 'planner');
  const res = await fetch(suite.url + url, {
    method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

beforeAll(async () => {
  const a = await api('POST', '/api/scenarios', { name: 'Vårens forslag', params: { k: 20, minutes: 60 } });
  const b = await api('POST', '/api/scenarios', { name: 'Nordlig variant', params: { k: 20, minutes: 45, objective: 'score' } });
  const sl = await api('POST', '/api/shortlists', { name: 'Kortliste våren 2022', scenarioId: a.id });
  const candidates = sl.candidates as { kommunenummer: string; policeDistrict: string }[];
  const inDistrict = candidates.find((c) => c.policeDistrict === DISTRICT) ?? candidates[0];
  recordAssessment(suite.db, { shortlistId: String(sl.id), kommunenummer: inDistrict.kommunenummer, policeDistrict: inDistrict.policeDistrict, advice: 'supports', reason: 'Lang vei til nærmeste tjenestested', assessor: 'Politimester Ås', now: NOW });
  const letters = (await api('GET', '/api/letters')) as { letters?: { id: number }[] };
  ids = { scenarioA: String(a.id), scenarioB: String(b.id), shortlist: String(sl.id), letter: letters.letters?.[0]?.id ?? 1, knr: candidates[0].kommunenummer };
}, 180_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The text a reader meets on the page: visible text and the texts of titles, placeholders, labels. */
async function pageText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const docLang = document.documentElement.lang;
    const foreign = (el: Element | null) => {
      const holder = el?.closest('[lang]');
      return !!holder && holder.getAttribute('lang') !== docLang;
    };
    const parts: string[] = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      // Code (file formats' column names, identifiers) is not in any language.
      if (!el || el.closest('script,style,noscript,code') || foreign(el)) continue;
      parts.push(n.textContent ?? '');
    }
    for (const el of Array.from(document.querySelectorAll('[title],[placeholder],[aria-label],[alt],input[type=submit][value]'))) {
      if (foreign(el)) continue;
      for (const attr of ['title', 'placeholder', 'aria-label', 'alt']) if (el.hasAttribute(attr)) parts.push(el.getAttribute(attr)!);
      if (el.matches('input[type=submit]')) parts.push((el as HTMLInputElement).value);
    }
    return parts.join('\n');
  });
}

type Role = 'planner' | 'admin' | 'district';
const pages = (): [Role, string][] => [
  ['planner', '/'],
  ['planner', `/?districtMin=${encodeURIComponent(JSON.stringify({ Oslo: 5 }))}&include=1151&exclude=1151`],
  ['planner', `/scenarios`],
  ['planner', `/scenarios/${ids.scenarioA}`],
  ['planner', `/compare?a=${ids.scenarioA}&b=${ids.scenarioB}`],
  ['planner', `/municipalities/${ids.knr}`],
  ['planner', `/compare/municipalities?kommunenummer=0301,5601`],
  ['planner', '/responses'],
  ['planner', `/responses/${ids.knr}`],
  ['planner', '/import'],
  ['planner', '/travel-matrices'],
  ['planner', '/shortlists'],
  ['planner', `/shortlists/${ids.shortlist}`],
  ['planner', '/review'],
  ['planner', `/review/${DISTRICT}`],
  ['planner', '/audit'],
  ['planner', '/letters'],
  ['planner', `/letters/${ids.letter}`],
  ['planner', '/account'],
  ['planner', '/sources'],
  ['planner', '/help'],
  ['planner', '/no-such-page'],
  ['planner', '/letters/999999'],
  ['district', `/letters/${ids.letter}`],
  ['admin', '/admin/users'],
  ['admin', '/audit'],
  ['district', `/review/${DISTRICT}`],
  ['district', '/'],
  ['district', '/shortlists'],
  ['district', '/admin/users'],
];

const exportUrls = (): string[] => [
  `/export/shortlists/${ids.shortlist}.csv`, `/export/shortlists/${ids.shortlist}.xlsx`, `/export/shortlists/${ids.shortlist}.pdf`,
  `/export/shortlists/${ids.shortlist}.geojson`, `/export/scenario.csv?scenario=${ids.scenarioA}`, `/export/scenario.geojson?k=5`,
  '/letters/overview.csv', '/letters/overview.xlsx',
];
// Not checked: the change-log CSV (/audit.csv) and the import templates are machine formats with fixed
// column names and stored JSON records, the same in both languages by design.

/** The reader's text of an export: CSV as it is, XLSX cells, PDF via pdftotext, GeoJSON property names and texts. */
async function exportText(url: string, body: Buffer): Promise<string> {
  const ext = /\.(\w+)(\?|$)/.exec(url)![1];
  if (ext === 'pdf') {
    const file = path.join(dir, 'x.pdf');
    fs.writeFileSync(file, body);
    return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  }
  if (ext === 'xlsx') {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(body as unknown as ArrayBuffer);
    const out: string[] = [];
    wb.eachSheet((ws) => {
      out.push(ws.name);
      ws.eachRow((row) => row.eachCell((cell) => { if (typeof cell.value === 'string') out.push(cell.value); }));
    });
    return out.join('\n');
  }
  if (ext === 'geojson') {
    const fc = JSON.parse(body.toString('utf8')) as { notice?: string; features: { properties: Record<string, unknown> }[] };
    const out = [fc.notice ?? ''];
    for (const f of fc.features) for (const v of Object.values(f.properties)) if (typeof v === 'string' && !/^\d/.test(v)) out.push(v);
    return out.join('\n');
  }
  return body.toString('utf8');
}

describe.each(['nb', 'en'] as Locale[])('in %s', (locale) => {
  it(`When every page is opened in ${locale} as each role, then it shows no word of the other language and no raw key`, async () => {
    const problems = new FindingLog();
    const nameList = names();
    const byRole = new Map<Role, Page>();
    try {
      for (const [role, url] of pages()) {
        let page = byRole.get(role);
        if (!page) byRole.set(role, (page = await suite.page(role, role === 'district' ? DISTRICT : null)));
        await page.goto(`${suite.url}${url}${url.includes('?') ? '&' : '?'}lang=${locale}`);
        await page.waitForLoadState('networkidle');
        problems.add(`${role} ${url}`, languageFindings(await pageText(page), locale, nameList));
      }
      const anonymous = await suite.browser.newPage();
      for (const url of ['/login', '/setup/no-such-token']) {
        await anonymous.goto(`${suite.url}${url}?lang=${locale}`);
        problems.add(`anonymous ${url}`, languageFindings(await pageText(anonymous), locale, nameList));
      }
      await anonymous.close();
    } finally {
      for (const p of byRole.values()) await p.close();
    }
    expect(problems.lines()).toEqual([]);
  }, 300_000);

  it(`When every export is downloaded in ${locale}, then it holds no word of the other language and no raw key`, async () => {
    const token = await tokenFor(suite.db, 'planner');
    const problems = new FindingLog();
    const nameList = names();
    for (const url of exportUrls()) {
      const res = await fetch(`${suite.url}${url}${url.includes('?') ? '&' : '?'}lang=${locale}`, { headers: { Authorization: `Bearer ${token}` } });
      expect(`${url} ${res.status}`).toBe(`${url} 200`);
      const text = await exportText(url, Buffer.from(await res.arrayBuffer()));
      problems.add(url, languageFindings(text, locale, nameList));
    }
    expect(problems.lines()).toEqual([]);
  }, 300_000);
});
