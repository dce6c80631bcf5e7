/**
 * The PDF report as a memo: 20 candidates in at most 25 pages (summary, method, one page each,
 * sources), every page renders to PNG (pdftoppm), no word lies outside the printable area or runs
 * off the page (pdftotext -bbox), table headers are whole words, and numbers are printed by kind.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../src/db/connection';
import { memoryDb, tempDir } from '../helpers/app';
import { loadTestAnswers } from '../shortlist/helpers';
import { recordAssessment } from '../../src/db/assessments-repo';
import { scenarioParamsSchema } from '../../src/model/scenario';
import { createShortlist } from '../../src/shortlist/service';
import { buildReportModel, loadReportGeometry, loadShortlistReport, reportPdf } from '../../src/export';
import { PAGE } from '../../src/export/pdf-layout';
import { text } from '../../src/export/texts';
import type { Locale } from '../../src/common/i18n';

interface Word { page: number; xMin: number; yMin: number; xMax: number; yMax: number; text: string }

/** The words of a PDF with their boxes, from `pdftotext -bbox` (XHTML with one <word> per word). */
function wordsOf(file: string): { pages: { width: number; height: number }[]; words: Word[] } {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const pages: { width: number; height: number }[] = [];
  const words: Word[] = [];
  for (const page of html.split('<page ').slice(1)) {
    const [, w, h] = /width="([\d.]+)" height="([\d.]+)"/.exec(page)!;
    pages.push({ width: Number(w), height: Number(h) });
    for (const m of page.matchAll(/<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g)) {
      words.push({ page: pages.length, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: m[5] });
    }
  }
  return { pages, words };
}

describe('the PDF report of 20 candidates', () => {
  let db: Db;
  let id: string;
  const dir = tempDir('stedsvalg-pdf-');

  beforeAll(async () => {
    db = memoryDb();
    loadTestAnswers(db, { sample: true });
    const sl = await createShortlist(db, { name: 'Tjue steder våren 2022', source: { kind: 'params', params: scenarioParamsSchema.parse({ k: 20 }) }, by: 'Åse Øvergård', now: '2024-06-01T12:00:00Z' });
    id = sl.id;
    for (const c of sl.candidates.slice(0, 5)) {
      recordAssessment(db, { shortlistId: sl.id, kommunenummer: c.kommunenummer, policeDistrict: c.policeDistrict, advice: 'supports', reason: 'Lang vei til nærmeste tjenestested. '.repeat(30), assessor: 'Politimester Ås', now: '2024-06-02T08:00:00Z' });
    }
  }, 120_000);
  afterAll(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function render(locale: Locale): Promise<string> {
    const model = buildReportModel(await loadShortlistReport(db, id, '2024-06-03T10:00:00Z'), { locale, now: '2024-06-03T10:00:00Z' });
    expect(model.candidates).toHaveLength(20);
    const file = path.join(dir, `report-${locale}.pdf`);
    fs.writeFileSync(file, await reportPdf(model, loadReportGeometry(db), { now: new Date('2024-06-03T10:00:00Z') }));
    return file;
  }

  it.each(['nb', 'en'] as Locale[])('When it is printed in %s, then it has at most 25 pages and every page renders', async (locale) => {
    const file = await render(locale);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
    // summary, method (one or two pages), one page per candidate, sources
    expect(pages).toBeGreaterThanOrEqual(23);
    expect(pages).toBeLessThanOrEqual(25);
    execFileSync('pdftoppm', ['-r', '30', '-png', file, path.join(dir, `page-${locale}`)]);
    const pngs = fs.readdirSync(dir).filter((f) => f.startsWith(`page-${locale}`) && f.endsWith('.png'));
    expect(pngs).toHaveLength(pages);
    for (const png of pngs) expect(fs.statSync(path.join(dir, png)).size).toBeGreaterThan(1000);
    // One page per candidate: candidate n's heading opens page p, candidate n + 1's the page after it.
    const perPage = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).split('\f');
    const headingPage = (n: number) => perPage.findIndex((p) => new RegExp(`\\n${n}\\. [^\\n]+ \\(\\d{4}\\)\\n`).test(p));
    const first = headingPage(1);
    expect(first).toBeGreaterThanOrEqual(2);
    for (let n = 1; n <= 20; n++) expect([n, headingPage(n)]).toEqual([n, first + n - 1]);
    expect(pages).toBe(first + 20 + 1);
  }, 120_000);

  it('When the words are located on the pages, then none runs outside the printable area', async () => {
    const file = await render('nb');
    const { pages, words } = wordsOf(file);
    expect(words.length).toBeGreaterThan(3000);
    const outside = words.filter((w) => {
      const p = pages[w.page - 1];
      return w.xMin < PAGE.margin - 1 || w.xMax > p.width - PAGE.margin + 1 || w.yMin < 18 || w.yMax > p.height - 20;
    });
    expect(outside.map((w) => `p.${w.page} «${w.text}» x ${w.xMin.toFixed(0)}–${w.xMax.toFixed(0)}, y ${w.yMin.toFixed(0)}–${w.yMax.toFixed(0)}`)).toEqual([]);
    // The body stays between the header rule and the footer line.
    const body = words.filter((w) => w.yMin > 50 && w.yMax < pages[0].height - 40);
    expect(body.every((w) => w.yMax <= PAGE.height - PAGE.bottom + 2)).toBe(true);
  }, 120_000);

  it('When the tables are read, then header words are whole and shares are per cent, counts whole numbers, no JSON', async () => {
    const file = await render('nb');
    const all = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const { words } = wordsOf(file);
    const texts = new Set(words.map((w) => w.text));
    for (const key of ['score', 'municipality', 'district', 'pInSet', 'criterion', 'weightShare', 'direction', 'publisher', 'licence'] as const) {
      for (const word of text('nb', key).split(/[\s/–-]+/).filter((w) => w.length > 3)) expect([key, texts.has(word)]).toEqual([key, true]);
    }
    expect(all).not.toMatch(/\{\s*"weights"/);
    expect(all).toMatch(new RegExp(`${text('nb', 'pInSet').replace(/[()]/g, '\\$&')}: \\d+ %`));
    expect(all).not.toMatch(/Nye innbyggere innen grensen: \d[\d\s]*,\d/);
  }, 120_000);

  it('When the key figures give the share within the limit and the mean drive, then each says what it measures, as the workspace and the comparison name it', async () => {
    for (const locale of ['nb', 'en'] as Locale[]) {
      const model = buildReportModel(await loadShortlistReport(db, id, '2024-06-03T10:00:00Z'), { locale, now: '2024-06-03T10:00:00Z' });
      const labels = model.summary.map((row) => row[0]);
      expect(labels).toContain(locale === 'nb' ? 'Andel innbyggere innen 45 min' : 'Share within 45 min');
      expect(labels).toContain(locale === 'nb' ? 'Gj.sn. kjøretid til nærmeste (min)' : 'Mean drive to nearest (min)');
    }
  }, 120_000);

  it('When a quoted reason is longer than its room, then it keeps whole sentences and marks the omission with […]', async () => {
    const file = await render('en');
    const all = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    // The five assessed candidates quote a reason of thirty identical sentences that does not fit in its room.
    const quotes = [...all.matchAll(/Politimester Ås, [^:]+:\d\d: ((?:Lang vei til nærmeste tjenestested\. )*)(\S+)/g)];
    expect(quotes).toHaveLength(5);
    for (const [, kept, next] of quotes) {
      expect(kept.length).toBeGreaterThan(0);
      expect(next).toBe('[…]');
    }
    // No sentence of it is cut: every «Lang» starts a sentence that ends in «tjenestested.».
    expect((all.match(/Lang vei/g) ?? []).length).toBe((all.match(/Lang vei til nærmeste tjenestested\./g) ?? []).length);
  }, 120_000);
});
