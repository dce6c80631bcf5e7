/**
 * The printable PDF report (pdfkit, A4 portrait), laid out as a ministry memo: page 1 a summary (the
 * proposal as a list beside its map, the method in one paragraph, the key figures); page 2 the
 * method, the weights and the rules; then one page per candidate (figures, score explained,
 * robustness, answers, premises, the district's assessment; long quoted texts are shortened to fit
 * and say so); then the sources and what makes the report reproducible. When sample answers are
 * loaded every page carries the notice in its header. Numbers are printed by kind: shares in per
 * cent, counts as whole numbers, scores with two decimals. Built-in Helvetica (WinAnsi) is used; all
 * text passes through `pdfSafe`. Primitives in `pdf-layout.ts`, the map in `pdf-map.ts`.
 */
import PDFDocument from 'pdfkit';
import { formatDateTime, formatNumber, formatSampleShare } from '../common/i18n';
import { fitProjection, tracePath, type AreaGeometry } from './pdf-map';
import { placeMarkers } from './pdf-markers';
import { pdfSafe } from './pdf-text';
import { COLOURS, CONTENT_BOTTOM, CONTENT_W, PAGE, heading, keyValues, paragraph, quoteParagraph, subheading, table, type Doc } from './pdf-layout';
import type { ReportCandidate, ReportModel } from './report-model';
import { text } from './texts';

/** Geometry the map needs, from the project's data (see `loadReportGeometry`). */
export interface ReportGeometry {
  municipalities: AreaGeometry[];
  districts: AreaGeometry[];
  stations: { lon: number; lat: number }[];
}

/** Options for `reportPdf`. */
export interface PdfOptions {
  /** Creation date written into the PDF's info dictionary (from the shell). */
  now: Date;
}

type Label = (k: Parameters<typeof text>[1], p?: Record<string, string | number>) => string;

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
  const L: Label = (k, p = {}) => text(model.locale, k, p);
  summaryPage(doc, model, geometry, L);
  methodPage(doc, model, L);
  model.candidates.forEach((c) => candidatePage(doc, model, c, L));
  sourcesPage(doc, model, L);
  pageFurniture(doc, model, L);
  doc.end();
  return done;
}

const num = (model: ReportModel, v: number | null | undefined, digits = 0) => formatNumber(model.locale, v, digits);
/** A share 0–1 as per cent (`87 %`). */
const share = (model: ReportModel, v: number | null | undefined) => formatSampleShare(model.locale, v);
const pct = (model: ReportModel, v: number | null | undefined, digits = 0) => (v === null || v === undefined ? '–' : `${formatNumber(model.locale, v * 100, digits)} %`);
/** Decimals of the gain column: the blend objective's gains are fractions, the others residents or resident-minutes. */
const gainDigits = (model: ReportModel) => (model.params.objective === 'blend' ? 4 : 0);

function noticeBox(doc: Doc, notice: string): void {
  const y = doc.y;
  doc.font('Helvetica-Bold').fontSize(9);
  const h = doc.heightOfString(pdfSafe(notice), { width: CONTENT_W - 16 }) + 10;
  doc.rect(PAGE.margin, y, CONTENT_W, h).lineWidth(1).fillAndStroke('#fff3bf', COLOURS.notice);
  doc.fillColor(COLOURS.notice).text(pdfSafe(notice), PAGE.margin + 8, y + 5, { width: CONTENT_W - 16 });
  doc.fillColor('black');
  doc.y = y + h + 6;
}

function summaryPage(doc: Doc, model: ReportModel, geo: ReportGeometry, L: Label): void {
  doc.addPage();
  doc.font('Helvetica-Bold').fontSize(17).fillColor(COLOURS.accent).text(pdfSafe(model.title), PAGE.margin, doc.y, { width: CONTENT_W });
  doc.font('Helvetica').fontSize(9.5).fillColor(COLOURS.muted).text(pdfSafe(`${model.subtitle} · ${L('summary')}`), { width: CONTENT_W });
  doc.fillColor('black').moveDown(0.4);
  if (model.notice) noticeBox(doc, model.notice);
  const top = doc.y;
  const mapW = 228;
  const mapH = Math.min(360, CONTENT_BOTTOM - top - 190);
  drawMap(doc, model, geo, { x: PAGE.margin, y: top, width: mapW, height: mapH }, L);
  const listX = PAGE.margin + mapW + 12;
  const listW = CONTENT_W - mapW - 12;
  doc.y = top;
  subheading(doc, L('proposal'), listX, listW);
  const size = model.candidates.length > 24 ? 6.5 : 7.5;
  table(
    doc,
    [{ header: '#', width: 16, align: 'right' }, { header: L('municipality'), width: 92 }, { header: L('district'), width: listW - 16 - 92 - 44 - 40 },
      { header: L('score'), width: 44, align: 'right' }, { header: L('pInSet'), width: 40, align: 'right' }],
    model.candidates.map((c) => [String(c.position), c.name, c.policeDistrict, num(model, c.score, 2), c.robustness ? share(model, c.robustness.pInSet) : '–']),
    { size, x: listX },
  );
  doc.y = Math.max(doc.y, top + mapH + 22);
  subheading(doc, L('method'));
  paragraph(doc, model.methodSummary, { size: 8.5 });
  if (model.summary.length) {
    subheading(doc, L('keyFigures'));
    keyValues(doc, model.summary, { perRow: 2, size: 8 });
  }
}

/** The map of Norway with the proposal's markers (moved apart with leader lines where they crowd). */
function drawMap(doc: Doc, model: ReportModel, geo: ReportGeometry, frame: { x: number; y: number; width: number; height: number }, L: Label): void {
  const proj = fitProjection(frame);
  doc.save().lineWidth(0.12).lineJoin('round');
  for (const g of geo.municipalities) tracePath(doc, g, proj, 0.8);
  doc.fillAndStroke(COLOURS.fill, '#bdbdb5');
  for (const g of geo.districts) tracePath(doc, g, proj, 0.8);
  doc.lineWidth(0.5).stroke('#6b6b6b');
  doc.fillColor('#8a8a8a');
  for (const s of geo.stations) {
    const [x, y] = proj.project(s.lon, s.lat);
    doc.circle(x, y, 0.9).fill();
  }
  const r = 5;
  const placed = placeMarkers(model.candidates.map((c) => {
    const [x, y] = proj.project(c.site.lon, c.site.lat);
    return { x, y };
  }), { radius: r, gap: 1, bounds: { x: frame.x, y: frame.y, width: proj.width, height: proj.height } });
  placed.forEach((p, i) => {
    const c = model.candidates[i];
    if (p.moved) {
      doc.moveTo(p.x, p.y).lineTo(p.drawX, p.drawY).lineWidth(0.5).stroke(COLOURS.candidate);
      doc.circle(p.x, p.y, 1.2).fill(COLOURS.candidate);
    }
    doc.circle(p.drawX, p.drawY, r).lineWidth(0.6).fillAndStroke(COLOURS.candidate, 'white');
    doc.fillColor('white').font('Helvetica-Bold').fontSize(c.position >= 10 ? 5 : 6)
      .text(String(c.position), p.drawX - r, p.drawY - 2.3, { width: 2 * r, align: 'center', lineBreak: false });
  });
  doc.restore();
  doc.font('Helvetica').fontSize(6.5).fillColor(COLOURS.muted).text(pdfSafe(L('mapNote')), frame.x, frame.y + proj.height + 4, { width: frame.width });
  doc.fillColor('black');
}

function methodPage(doc: Doc, model: ReportModel, L: Label): void {
  doc.addPage();
  heading(doc, L('method'));
  model.method.forEach((p) => paragraph(doc, p, { size: 8.5 }));
  subheading(doc, L('weightsAndRules'));
  table(
    doc,
    [{ header: L('criterion'), width: 150 }, { header: L('weight'), width: 42, align: 'right' }, { header: L('weightShare'), width: 50, align: 'right' },
      { header: L('direction'), width: 85 }, { header: L('source'), width: CONTENT_W - 327 }],
    model.weights.map((w) => [w.label, num(model, w.weight, 1), pct(model, w.share, 1), w.direction, w.source]),
    { size: 7.5 },
  );
  keyValues(doc, model.rules, { perRow: 2, size: 7.5 });
  if (model.differences) {
    subheading(doc, L('differences'));
    paragraph(doc, model.differences.intro, { size: 8 });
    const room = CONTENT_BOTTOM - doc.y;
    paragraph(doc, model.differences.lines.map((l) => `•  ${l}`).join('\n'), { size: 7.5, maxHeight: room - 4 });
  }
}

/** A horizontal bar per criterion (its points of the score), with points, raw value and weight share. */
function scoreBars(doc: Doc, model: ReportModel, c: ReportCandidate, L: Label): void {
  const rows = c.criteria.filter((x) => x.weightShare > 0 || x.points !== 0);
  const max = Math.max(1, ...rows.map((x) => Math.abs(x.points)));
  const cols = { label: 170, bar: 130, points: 55, value: 85 };
  const weightW = CONTENT_W - cols.label - cols.bar - cols.points - cols.value;
  let y = doc.y;
  let x = PAGE.margin + cols.label + cols.bar;
  doc.font('Helvetica-Bold').fontSize(7).fillColor(COLOURS.muted);
  for (const [w, s] of [[cols.points, L('points')], [cols.value, L('value')], [weightW, L('weightShare')]] as const) {
    doc.text(pdfSafe(s), x, y, { width: w, align: 'right', lineBreak: false });
    x += w;
  }
  y += 10;
  for (const r of rows) {
    doc.font('Helvetica').fontSize(8).fillColor('black').text(pdfSafe(r.label), PAGE.margin, y, { width: cols.label - 4, lineBreak: false, ellipsis: true });
    const w = (Math.abs(r.points) / max) * (cols.bar - 6);
    doc.rect(PAGE.margin + cols.label, y + 1, Math.max(w, 0.5), 7).fill(r.points >= 0 ? COLOURS.accent : COLOURS.candidate);
    x = PAGE.margin + cols.label + cols.bar;
    doc.fillColor('black');
    const digits = r.id === 'population' || r.id === 'uncovered' ? 0 : 2;
    // A measured unit (min, per 1 000) follows the value; a coded scale (yes=1/no=0) is explained on the method page.
    const unit = r.unit.includes('=') ? '' : ` ${r.unit}`;
    const star = r.id === 'violenceRate' && c.violenceSuppressed ? '*' : '';
    const cells = [num(model, r.points, 2), r.value === null ? L('missing') : `${num(model, r.value, digits)}${unit}${star}`, pct(model, r.weightShare, 1)];
    [cols.points, cols.value, weightW].forEach((cw, i) => {
      doc.text(pdfSafe(cells[i]), x, y, { width: cw, height: 10, align: 'right', lineBreak: false, ellipsis: true });
      x += cw;
    });
    y += 11;
  }
  doc.x = PAGE.margin;
  doc.y = y + 2;
}

/** One page per candidate: everything below is fitted to the page, quoted texts shortened if need be. */
function candidatePage(doc: Doc, model: ReportModel, c: ReportCandidate, L: Label): void {
  doc.addPage();
  heading(doc, `${c.position}. ${c.name} (${c.kommunenummer})`, 14);
  paragraph(doc, `${L('district')}: ${c.policeDistrict} · ${L('county')}: ${c.county} · ${L('status')}: ${c.statusLabel} · ${L('siteKind')}: ${c.site.kindLabel}${c.site.label ? ` – ${c.site.label}` : ''}`, { size: 8.5, colour: COLOURS.muted });
  const headline = [
    `${L('score')}: ${num(model, c.score, 2)}`, `${L('rank')}: ${c.rank}`,
    c.eligibleRank !== null ? `${L('eligibleRank')}: ${c.eligibleRank}` : `${L('ineligible')}: ${c.ineligibleReason}`,
    `${L('newlyCovered')}: ${num(model, c.newlyCovered)}`,
  ];
  paragraph(doc, headline.join('   ·   '), { size: 9.5, font: 'Helvetica-Bold' });
  const gain = model.columns.core.find((x) => x.key === 'marginalGain')?.header ?? '';
  if (c.set) {
    paragraph(doc, [
      `${L('setPosition')}: ${c.set.position ?? '–'}`, `${gain}: ${num(model, c.set.marginalGain, gainDigits(model))}`, `${L('lossIfRemoved')}: ${num(model, c.set.lossIfRemoved, gainDigits(model))}`,
      `${L('withinError')}: ${c.set.withinError === null ? '–' : c.set.withinError ? L('yes') : L('no')}`,
    ].join('   ·   '), { size: 8.5 });
  }
  if (c.rationale) paragraph(doc, `${L('rationale')}: ${c.rationale}`, { size: 8.5, maxHeight: 36 });
  subheading(doc, L('scoreBreakdown'));
  scoreBars(doc, model, c, L);
  subheading(doc, L('robustness'));
  paragraph(doc, c.robustness
    ? [
        `${L('pInSetWeights')}: ${share(model, c.robustness.pInSetWeights)}`, `${L('pInSetTravel')}: ${share(model, c.robustness.pInSetTravel)}`,
        `${L('pInSet')}: ${share(model, c.robustness.pInSet)}${c.robustness.stableUnderBoth ? ` (${L('stableUnderBoth')})` : ''}`,
        `${L('pTopK')}: ${share(model, c.robustness.pTopK)}`,
        `${L('rankP05')}–${L('rankP95')}: ${c.robustness.rankP05}–${c.robustness.rankP95} (${L('rankMedian')} ${c.robustness.rankMedian})`,
      ].join(' · ')
    : '–', { size: 8.5 });
  subheading(doc, L('indicators'));
  keyValues(doc, c.indicators.map((i) => [i.label, indicatorText(model, c, i)]), { perRow: 2, size: 7, keyShare: 0.7 });
  if (c.violenceSuppressed) paragraph(doc, `* ${model.suppressedNote}`, { size: 7, colour: COLOURS.muted });
  answersAndAssessment(doc, model, c, L);
}

/** An indicator as the candidate page prints it: counts whole, shares in per cent, a suppressed violence rate starred. */
function indicatorText(model: ReportModel, c: ReportCandidate, i: ReportCandidate['indicators'][number]): string {
  if (i.key === 'shareBeyond45') return pct(model, i.value, 1);
  const value = num(model, i.value, i.key === 'population' || i.key === 'residentsBeyond45' ? 0 : 2);
  return i.key === 'violencePer1000' && c.violenceSuppressed && i.value !== null ? `${value}*` : value;
}

/** The answers, premises and assessment in the room left on the candidate's page. */
function answersAndAssessment(doc: Doc, model: ReportModel, c: ReportCandidate, L: Label): void {
  const assessmentRoom = c.assessment ? 62 : 30;
  subheading(doc, L('answers'));
  if (!c.answer) paragraph(doc, L('noAnswer'), { size: 8.5 });
  else {
    const premises = c.answer.premises.map((p) => p.map(([k, v]) => `${k}: ${v}`).join(' · '));
    const premisesRoom = 26 + Math.min(premises.length, 2) * 22;
    const room = CONTENT_BOTTOM - doc.y - assessmentRoom - premisesRoom;
    const perRow = Math.max(10, room / Math.max(1, c.answer.rows.length) - 2);
    let last = '';
    for (const r of c.answer.rows) {
      const lead = r.question !== last ? `${r.question} ` : '';
      last = r.question;
      quoteParagraph(doc, `${lead}${r.label}: `, r.text, { size: 7.5, maxHeight: perRow });
    }
    subheading(doc, L('premises'));
    if (!premises.length) paragraph(doc, L('noPremises'), { size: 8 });
    for (const p of premises.slice(0, 2)) paragraph(doc, p, { size: 7.5, maxHeight: 20 });
    if (premises.length > 2) paragraph(doc, `+ ${premises.length - 2}`, { size: 7.5 });
  }
  subheading(doc, L('assessment'));
  if (!c.assessment) paragraph(doc, L('noAssessment'), { size: 8.5 });
  else {
    const a = c.assessment;
    const room = Math.max(12, CONTENT_BOTTOM - doc.y - 14);
    quoteParagraph(doc, `${a.adviceLabel} – ${a.assessor}, ${formatDateTime(model.locale, a.assessedAt)}: `, a.reason, { size: 8, maxHeight: Math.min(room, 34) });
    if (c.history.length && CONTENT_BOTTOM - doc.y > 12) paragraph(doc, L('moreHistory', { n: c.history.length }), { size: 7.5, colour: COLOURS.muted, maxHeight: 10 });
  }
}

function sourcesPage(doc: Doc, model: ReportModel, L: Label): void {
  doc.addPage();
  heading(doc, L('sources'));
  paragraph(doc, model.attribution, { size: 8 });
  table(
    doc,
    [{ header: L('source'), width: 165 }, { header: L('publisher'), width: 130 }, { header: L('licence'), width: 110 }, { header: L('vintage'), width: CONTENT_W - 405 }],
    model.sources.map((s) => [s.title, s.publisher, s.licence, s.vintage]),
    { size: 7 },
  );
  subheading(doc, L('reproducibility'));
  keyValues(doc, model.reproducibility, { size: 7.5, keyShare: 0.32 });
}

/** Header (title, sample notice) and footer (time of printing in Norwegian time, page numbers) on every page. */
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
      doc.font('Helvetica-Bold').fontSize(7.5).fillColor(COLOURS.notice).text(pdfSafe(model.notice), PAGE.margin, 35, { width: CONTENT_W, lineBreak: false, ellipsis: true });
    }
    doc.moveTo(PAGE.margin, 48).lineTo(PAGE.margin + CONTENT_W, 48).lineWidth(0.4).strokeColor(COLOURS.line).stroke();
    doc.font('Helvetica').fontSize(7.5).fillColor(COLOURS.muted)
      .text(pdfSafe(`${formatDateTime(model.locale, model.generatedAt)} · ${model.inputHash.slice(0, 12)}`), PAGE.margin, PAGE.height - 36, { width: CONTENT_W / 2, lineBreak: false })
      .text(pdfSafe(L('page', { n: i - range.start + 1, total: range.count })), PAGE.margin + CONTENT_W / 2, PAGE.height - 36, { width: CONTENT_W / 2, align: 'right', lineBreak: false });
    doc.page.margins.top = top;
    doc.page.margins.bottom = bottom;
  }
  doc.fillColor('black');
}
