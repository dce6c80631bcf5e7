/**
 * The printable PDF report (pdfkit, A4 portrait): title page; method in plain language; weights
 * and rules; a vector map of Norway with the candidates; the shortlist table; one section per
 * candidate (indicators, score breakdown, robustness, answers, premises, district assessment); and
 * sources and reproducibility. When sample answers are loaded every page carries the notice in its
 * header. Built-in Helvetica (WinAnsi) is used; all text passes through `pdfSafe`.
 */
import PDFDocument from 'pdfkit';
import { formatNumber } from '../common/i18n';
import { fitProjection, tracePath, type AreaGeometry } from './pdf-map';
import { pdfSafe } from './pdf-text';
import type { ReportCandidate, ReportModel } from './report-model';
import { text } from './texts';

/** Geometry the map needs, from the project's data (see `loadReportGeometry`). */
export interface ReportGeometry {
  municipalities: AreaGeometry[];
  districts: AreaGeometry[];
  stations: { lon: number; lat: number }[];
}

type Doc = PDFKit.PDFDocument;

const PAGE = { width: 595.28, height: 841.89, margin: 50, top: 62, bottom: 60 };
const CONTENT_W = PAGE.width - 2 * PAGE.margin;
const COLOURS = { accent: '#1d4e89', muted: '#555555', line: '#cccccc', notice: '#b00000', fill: '#f1f1ec', candidate: '#c0392b' };

/** Options for `reportPdf`. */
export interface PdfOptions {
  /** Creation date written into the PDF's info dictionary (from the shell). */
  now: Date;
}

/** Renders the report as PDF bytes. */
export function reportPdf(model: ReportModel, geometry: ReportGeometry, options: PdfOptions): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4', bufferPages: true, autoFirstPage: false,
    margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.margin, right: PAGE.margin },
    info: { Title: pdfSafe(model.title), Author: 'Stedsvalg', Subject: pdfSafe(model.subtitle), CreationDate: options.now },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const L = (k: Parameters<typeof text>[1], p: Record<string, string | number> = {}) => pdfSafe(text(model.locale, k, p));
  titlePage(doc, model, L);
  methodPage(doc, model, L);
  mapPage(doc, model, geometry, L);
  shortlistPage(doc, model, L);
  model.candidates.forEach((c) => candidateSection(doc, model, c, L));
  sourcesPage(doc, model, L);
  pageFurniture(doc, model, L);
  doc.end();
  return done;
}

type Label = (k: Parameters<typeof text>[1], p?: Record<string, string | number>) => string;

const num = (model: ReportModel, v: number | null | undefined, digits = 0) => pdfSafe(formatNumber(model.locale, v, digits));
/** Decimals of the gain column: the blend objective's gains are fractions, the others residents or resident-minutes. */
const gainDigits = (model: ReportModel) => (model.params.objective === 'blend' ? 4 : 0);
/** A share (0–1) as a percentage with one decimal; null → –. */
const pct = (model: ReportModel, v: number | null | undefined) => (v === null || v === undefined ? '–' : `${num(model, v * 100, 1)} %`);

function heading(doc: Doc, s: string, size = 16): void {
  doc.moveDown(0.4).font('Helvetica-Bold').fontSize(size).fillColor(COLOURS.accent).text(pdfSafe(s), PAGE.margin, doc.y, { width: CONTENT_W });
  doc.moveDown(0.3).font('Helvetica').fontSize(10).fillColor('black');
}

function subheading(doc: Doc, s: string): void {
  ensureSpace(doc, 40);
  doc.moveDown(0.5).font('Helvetica-Bold').fontSize(11.5).fillColor(COLOURS.accent).text(pdfSafe(s), PAGE.margin, doc.y, { width: CONTENT_W });
  doc.moveDown(0.2).font('Helvetica').fontSize(9.5).fillColor('black');
}

function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > PAGE.height - PAGE.bottom) doc.addPage();
}

function paragraph(doc: Doc, s: string, size = 10): void {
  doc.font('Helvetica').fontSize(size).fillColor('black').text(pdfSafe(s), PAGE.margin, doc.y, { width: CONTENT_W, align: 'left', lineGap: 1.5 });
  doc.moveDown(0.5);
}

interface Column {
  header: string;
  width: number;
  align?: 'left' | 'right';
}

/** Draws a table that breaks across pages, repeating its header. */
function table(doc: Doc, columns: Column[], rows: string[][], opts: { size?: number; zebra?: boolean; header?: boolean } = {}): void {
  const size = opts.size ?? 8.5;
  const pad = 3;
  const drawHeader = () => {
    if (opts.header === false) return;
    doc.font('Helvetica-Bold').fontSize(size);
    const h = Math.max(...columns.map((c) => doc.heightOfString(pdfSafe(c.header), { width: c.width - 2 * pad }))) + 2 * pad;
    ensureSpace(doc, h + 16);
    const y = doc.y;
    doc.rect(PAGE.margin, y, CONTENT_W, h).fill('#e6ecf3').fillColor('black');
    let x = PAGE.margin;
    for (const c of columns) {
      doc.text(pdfSafe(c.header), x + pad, y + pad, { width: c.width - 2 * pad, align: c.align ?? 'left' });
      x += c.width;
    }
    doc.y = y + h;
  };
  drawHeader();
  doc.font('Helvetica').fontSize(size);
  rows.forEach((row, r) => {
    const cells = row.map((s) => pdfSafe(s));
    const h = Math.max(...cells.map((s, i) => doc.heightOfString(s || ' ', { width: columns[i].width - 2 * pad }))) + 2 * pad;
    if (doc.y + h > PAGE.height - PAGE.bottom) {
      doc.addPage();
      drawHeader();
      doc.font('Helvetica').fontSize(size);
    }
    const y = doc.y;
    if (opts.zebra !== false && r % 2 === 1) doc.rect(PAGE.margin, y, CONTENT_W, h).fill('#f6f6f6').fillColor('black');
    let x = PAGE.margin;
    cells.forEach((s, i) => {
      doc.text(s, x + pad, y + pad, { width: columns[i].width - 2 * pad, align: columns[i].align ?? 'left' });
      x += columns[i].width;
    });
    doc.moveTo(PAGE.margin, y + h).lineTo(PAGE.margin + CONTENT_W, y + h).lineWidth(0.3).strokeColor(COLOURS.line).stroke();
    doc.y = y + h;
  });
  doc.x = PAGE.margin;
  doc.moveDown(0.6);
}

/** Two-column key/value table (no header); `keepTogether` moves it whole to the next page when it would break. */
function keyValues(doc: Doc, rows: [string, string][], keyWidth = 190, size = 9, keepTogether = false): void {
  if (keepTogether) ensureSpace(doc, rows.length * (size + 8));
  table(doc, [{ header: '', width: keyWidth }, { header: '', width: CONTENT_W - keyWidth }], rows, { size, zebra: true, header: false });
}

/** Label/value pairs in two side-by-side column pairs (half the height of `keyValues`). */
function keyValuesGrid(doc: Doc, rows: [string, string][], size = 8.5): void {
  const half = Math.ceil(rows.length / 2);
  const grid = rows.slice(0, half).map((r, i) => [...r, ...(rows[half + i] ?? ['', ''])]);
  const w = CONTENT_W / 2;
  ensureSpace(doc, half * (size + 12));
  table(doc, [{ header: '', width: w - 55 }, { header: '', width: 55, align: 'right' }, { header: '', width: w - 55 }, { header: '', width: 55, align: 'right' }], grid, { size, header: false });
}

function titlePage(doc: Doc, model: ReportModel, L: Label): void {
  doc.addPage();
  doc.y = 170;
  doc.font('Helvetica-Bold').fontSize(26).fillColor(COLOURS.accent).text(pdfSafe(model.title), PAGE.margin, doc.y, { width: CONTENT_W });
  doc.moveDown(0.4).font('Helvetica').fontSize(14).fillColor(COLOURS.muted).text(pdfSafe(model.subtitle), { width: CONTENT_W });
  doc.moveDown(2);
  if (model.notice) {
    const y = doc.y;
    doc.font('Helvetica-Bold').fontSize(12);
    const h = doc.heightOfString(pdfSafe(model.notice), { width: CONTENT_W - 24 }) + 20;
    doc.rect(PAGE.margin, y, CONTENT_W, h).lineWidth(1.5).fillAndStroke('#fff3bf', COLOURS.notice);
    doc.fillColor(COLOURS.notice).text(pdfSafe(model.notice), PAGE.margin + 12, y + 11, { width: CONTENT_W - 24 });
    doc.y = y + h + 16;
  }
  doc.fillColor('black');
  keyValues(doc, model.meta, 150, 10, true);
  doc.moveDown(1);
  doc.font('Helvetica-Bold').fontSize(11).fillColor(COLOURS.accent).text(L('contents'), PAGE.margin, doc.y);
  doc.font('Helvetica').fontSize(10).fillColor('black');
  for (const k of ['method', 'weightsAndRules', 'map', 'shortlist', 'candidates', 'sources'] as const) doc.text(`•  ${L(k)}`, { indent: 6 });
}

function methodPage(doc: Doc, model: ReportModel, L: Label): void {
  doc.addPage();
  heading(doc, L('method'));
  model.method.forEach((p) => paragraph(doc, p));
  heading(doc, L('weightsAndRules'), 14);
  table(
    doc,
    [{ header: L('criterion'), width: 165 }, { header: L('weight'), width: 45, align: 'right' }, { header: L('weightShare'), width: 55, align: 'right' },
      { header: L('direction'), width: 110 }, { header: L('source'), width: CONTENT_W - 375 }],
    model.weights.map((w) => [w.label, num(model, w.weight, 2), `${num(model, w.share * 100, 1)} %`, w.direction, w.source]),
  );
  subheading(doc, L('rules'));
  keyValues(doc, model.rules, 190, 8.5);
}

function mapPage(doc: Doc, model: ReportModel, geo: ReportGeometry, L: Label): void {
  doc.addPage();
  heading(doc, L('map'));
  const top = doc.y;
  const proj = fitProjection({ x: PAGE.margin, y: top, width: CONTENT_W, height: PAGE.height - PAGE.bottom - top - 40 });
  doc.save().lineWidth(0.15).lineJoin('round');
  for (const g of geo.municipalities) tracePath(doc, g, proj, 0.8);
  doc.fillAndStroke(COLOURS.fill, '#bdbdb5');
  for (const g of geo.districts) tracePath(doc, g, proj, 0.8);
  doc.lineWidth(0.6).stroke('#6b6b6b');
  doc.fillColor('#8a8a8a');
  for (const s of geo.stations) {
    const [x, y] = proj.project(s.lon, s.lat);
    doc.circle(x, y, 1.1).fill();
  }
  for (const c of model.candidates) {
    const [x, y] = proj.project(c.site.lon, c.site.lat);
    doc.circle(x, y, 5.5).lineWidth(0.6).fillAndStroke(COLOURS.candidate, 'white');
    doc.fillColor('white').font('Helvetica-Bold').fontSize(c.position >= 10 ? 5.5 : 6.5)
      .text(String(c.position), x - 6, y - 2.6, { width: 12, align: 'center', lineBreak: false });
  }
  doc.restore();
  // Legend in the empty lower-right corner (Sweden and Finland are not drawn).
  const lx = PAGE.margin + proj.width * 0.62;
  let ly = top + proj.height * 0.5;
  doc.font('Helvetica-Bold').fontSize(8.5).fillColor(COLOURS.accent).text(L('candidates'), lx, ly, { lineBreak: false });
  ly += 12;
  doc.font('Helvetica').fontSize(7.5).fillColor('black');
  for (const c of model.candidates) {
    if (ly > top + proj.height - 8) break;
    doc.text(pdfSafe(`${c.position}. ${c.name} (${c.policeDistrict})`), lx, ly, { width: PAGE.margin + CONTENT_W - lx, lineBreak: false, ellipsis: true });
    ly += 10;
  }
  doc.font('Helvetica').fontSize(7.5).fillColor(COLOURS.muted).text(L('mapNote'), PAGE.margin, top + proj.height + 8, { width: CONTENT_W });
  doc.fillColor('black');
}

function shortlistPage(doc: Doc, model: ReportModel, L: Label): void {
  doc.addPage();
  heading(doc, L('shortlist'));
  if (model.summary.length) keyValues(doc, model.summary, 240, 8);
  const gain = model.columns.core.find((c) => c.key === 'marginalGain')?.header ?? '';
  table(
    doc,
    [
      { header: L('position'), width: 18, align: 'right' }, { header: L('municipality'), width: 70 }, { header: L('siteLabel'), width: 78 },
      { header: L('status'), width: 40 }, { header: L('score'), width: 34, align: 'right' }, { header: L('setPosition'), width: 30, align: 'right' },
      { header: gain, width: 52, align: 'right' }, { header: L('lossIfRemoved'), width: 42, align: 'right' },
      { header: L('withinError'), width: 34 }, { header: L('pInSet'), width: 42, align: 'right' },
      { header: `${L('rankP05')}–${L('rankP95')}`, width: 34, align: 'right' }, { header: L('advice'), width: CONTENT_W - 474 },
    ],
    model.candidates.map((c) => [
      String(c.position), `${c.name} (${c.kommunenummer})`, `${c.site.label} (${c.site.kindLabel})`, c.statusLabel, num(model, c.score, 2),
      c.set?.position === null || c.set === null ? '–' : String(c.set.position), num(model, c.set?.marginalGain ?? null, gainDigits(model)), num(model, c.set?.lossIfRemoved ?? null, gainDigits(model)),
      c.set?.withinError === null || c.set === null ? '–' : c.set.withinError ? L('yes') : L('no'),
      c.robustness ? num(model, c.robustness.pInSet, 2) : '–', c.robustness ? `${c.robustness.rankP05}–${c.robustness.rankP95}` : '–',
      c.assessment?.adviceLabel ?? '–',
    ]),
    { size: 7 },
  );
  if (model.differences) {
    subheading(doc, L('differences'));
    paragraph(doc, model.differences.intro, 9);
    for (const line of model.differences.lines) paragraph(doc, `•  ${line}`, 8.5);
  }
}

/** A horizontal bar per criterion (its points of the score), with points, raw value and weight share. */
function scoreBars(doc: Doc, model: ReportModel, c: ReportCandidate, L: Label): void {
  const rows = c.criteria.filter((x) => x.weightShare > 0 || x.points !== 0);
  const max = Math.max(1, ...rows.map((x) => Math.abs(x.points)));
  const cols = { label: 160, bar: 140, points: 55, value: 85 };
  const weightW = CONTENT_W - cols.label - cols.bar - cols.points - cols.value;
  ensureSpace(doc, rows.length * 13 + 24);
  let y = doc.y;
  let x = PAGE.margin + cols.label + cols.bar;
  doc.font('Helvetica-Bold').fontSize(7.5).fillColor(COLOURS.muted);
  for (const [w, s] of [[cols.points, L('points')], [cols.value, L('value')], [weightW, L('weightShare')]] as const) {
    doc.text(s, x, y, { width: w, align: 'right', lineBreak: false });
    x += w;
  }
  y += 11;
  for (const r of rows) {
    doc.font('Helvetica').fontSize(8.5).fillColor('black').text(pdfSafe(r.label), PAGE.margin, y, { width: cols.label - 4, lineBreak: false, ellipsis: true });
    const w = (Math.abs(r.points) / max) * (cols.bar - 6);
    doc.rect(PAGE.margin + cols.label, y + 1, Math.max(w, 0.5), 8).fill(r.points >= 0 ? COLOURS.accent : COLOURS.candidate);
    x = PAGE.margin + cols.label + cols.bar;
    doc.fillColor('black');
    const cells = [num(model, r.points, 2), r.value === null ? text(model.locale, 'missing') : num(model, r.value, 2), `${num(model, r.weightShare * 100, 1)} %`];
    [cols.points, cols.value, weightW].forEach((cw, i) => {
      doc.text(pdfSafe(cells[i]), x, y, { width: cw, align: 'right', lineBreak: false });
      x += cw;
    });
    y += 13;
  }
  doc.x = PAGE.margin;
  doc.y = y;
  doc.moveDown(0.4);
}

function candidateSection(doc: Doc, model: ReportModel, c: ReportCandidate, L: Label): void {
  doc.addPage();
  heading(doc, `${c.position}. ${c.name} (${c.kommunenummer})`);
  doc.font('Helvetica').fontSize(9.5).fillColor(COLOURS.muted)
    .text(pdfSafe(`${L('district')}: ${c.policeDistrict} · ${L('county')}: ${c.county} · ${L('status')}: ${c.statusLabel}`), { width: CONTENT_W });
  doc.text(pdfSafe(`${L('siteKind')}: ${c.site.kindLabel}${c.site.label ? ` – ${c.site.label}` : ''} (${c.site.lat}, ${c.site.lon})`), { width: CONTENT_W });
  doc.fillColor('black').moveDown(0.3);
  const headline = [
    `${L('score')}: ${num(model, c.score, 2)}`, `${L('rank')}: ${c.rank}`,
    c.eligibleRank !== null ? `${L('eligibleRank')}: ${c.eligibleRank}` : `${L('ineligible')}: ${c.ineligibleReason}`,
    `${L('newlyCovered')}: ${num(model, c.newlyCovered)}`,
  ];
  const gain = model.columns.core.find((x) => x.key === 'marginalGain')?.header ?? '';
  const setLine = c.set
    ? [
        `${L('setPosition')}: ${c.set.position ?? '–'}`, `${gain}: ${num(model, c.set.marginalGain, gainDigits(model))}`, `${L('lossIfRemoved')}: ${num(model, c.set.lossIfRemoved, gainDigits(model))}`,
        `${L('withinError')}: ${c.set.withinError === null ? '–' : c.set.withinError ? L('yes') : L('no')}`,
      ]
    : [];
  doc.font('Helvetica-Bold').fontSize(10).text(pdfSafe(headline.join('   ·   ')), { width: CONTENT_W });
  if (setLine.length) doc.font('Helvetica').fontSize(9.5).text(pdfSafe(setLine.join('   ·   ')), { width: CONTENT_W });
  doc.font('Helvetica');
  if (c.rationale) {
    subheading(doc, L('rationale'));
    paragraph(doc, c.rationale, 9.5);
  }
  subheading(doc, L('scoreBreakdown'));
  scoreBars(doc, model, c, L);
  subheading(doc, L('robustness'));
  paragraph(
    doc,
    c.robustness
      ? [
          `${L('pInSetWeights')}: ${pct(model, c.robustness.pInSetWeights)}`, `${L('pInSetTravel')}: ${pct(model, c.robustness.pInSetTravel)}`,
          `${L('pInSet')}: ${pct(model, c.robustness.pInSet)}${c.robustness.stableUnderBoth ? ` (${L('stableUnderBoth')})` : ''}`,
          `${L('pTopK')}: ${pct(model, c.robustness.pTopK)}`,
          `${L('rankP05')}–${L('rankP95')}: ${c.robustness.rankP05}–${c.robustness.rankP95} (${L('rankMedian')} ${c.robustness.rankMedian})`,
        ].join(' · ')
      : '–',
    9.5,
  );
  subheading(doc, L('indicators'));
  keyValuesGrid(doc, c.indicators.map((i) => [i.label, num(model, i.value, i.key === 'population' || i.key === 'residentsBeyond45' ? 0 : 2)]), 7.5);
  subheading(doc, L('answers'));
  if (!c.answer) paragraph(doc, L('noAnswer'), 9.5);
  else {
    let last = '';
    for (const r of c.answer.rows) {
      if (r.question !== last) {
        ensureSpace(doc, 36);
        doc.font('Helvetica-Bold').fontSize(9).fillColor('black').text(pdfSafe(r.question), PAGE.margin, doc.y, { width: CONTENT_W });
        last = r.question;
      }
      doc.font('Helvetica-Oblique').fontSize(8.5).fillColor(COLOURS.muted).text(pdfSafe(`${r.label}: `), PAGE.margin + 8, doc.y, { continued: true, width: CONTENT_W - 8 })
        .font('Helvetica').fillColor('black').text(pdfSafe(r.text));
    }
    doc.moveDown(0.3);
    subheading(doc, L('premises'));
    if (c.answer.premises.length === 0) paragraph(doc, L('noPremises'), 9.5);
    c.answer.premises.forEach((p) => keyValues(doc, p, 150, 8.5, true));
  }
  subheading(doc, L('assessment'));
  if (!c.assessment) paragraph(doc, L('noAssessment'), 9.5);
  else {
    doc.font('Helvetica-Bold').fontSize(9.5).text(pdfSafe(`${c.assessment.adviceLabel} – ${c.assessment.assessor}, ${c.assessment.assessedAt}`), PAGE.margin, doc.y, { width: CONTENT_W });
    paragraph(doc, c.assessment.reason, 9.5);
    if (c.history.length) {
      doc.font('Helvetica-Oblique').fontSize(8.5).fillColor(COLOURS.muted).text(L('history'), { width: CONTENT_W });
      for (const h of c.history) paragraph(doc, `${h.adviceLabel} – ${h.assessor}, ${h.assessedAt}: ${h.reason}`, 8.5);
    }
  }
}

function sourcesPage(doc: Doc, model: ReportModel, L: Label): void {
  doc.addPage();
  heading(doc, L('sources'));
  table(
    doc,
    [{ header: L('source'), width: 150 }, { header: L('publisher'), width: 120 }, { header: L('licence'), width: 110 }, { header: L('vintage'), width: CONTENT_W - 380 }],
    model.sources.map((s) => [s.title, s.publisher, s.licence, s.vintage]),
    { size: 7.5 },
  );
  heading(doc, L('reproducibility'), 14);
  keyValues(doc, model.reproducibility, 170, 8);
  subheading(doc, L('parameters'));
  doc.font('Courier').fontSize(7).text(pdfSafe(JSON.stringify(model.params, null, 1).replace(/\n\s*/g, ' ')), PAGE.margin, doc.y, { width: CONTENT_W });
}

/** Header (title, sample notice) and footer (page numbers) on every page. */
function pageFurniture(doc: Doc, model: ReportModel, L: Label): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { top, bottom } = doc.page.margins;
    doc.page.margins.top = 0;
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(7.5).fillColor(COLOURS.muted)
      .text(pdfSafe(`Stedsvalg · ${model.title}`), PAGE.margin, 24, { width: CONTENT_W, lineBreak: false, ellipsis: true });
    if (model.notice) {
      doc.font('Helvetica-Bold').fontSize(8).fillColor(COLOURS.notice).text(pdfSafe(model.notice), PAGE.margin, 36, { width: CONTENT_W, lineBreak: false });
    }
    doc.moveTo(PAGE.margin, 48).lineTo(PAGE.margin + CONTENT_W, 48).lineWidth(0.4).strokeColor(COLOURS.line).stroke();
    doc.font('Helvetica').fontSize(7.5).fillColor(COLOURS.muted)
      .text(pdfSafe(`${model.generatedAt} · ${model.inputHash.slice(0, 12)}`), PAGE.margin, PAGE.height - 36, { width: CONTENT_W / 2, lineBreak: false })
      .text(L('page', { n: i - range.start + 1, total: range.count }), PAGE.margin + CONTENT_W / 2, PAGE.height - 36, { width: CONTENT_W / 2, align: 'right', lineBreak: false });
    doc.page.margins.top = top;
    doc.page.margins.bottom = bottom;
  }
  doc.fillColor('black');
}
