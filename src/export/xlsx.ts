/**
 * XLSX export (exceljs) of a report. Sheets: shortlist, all indicators, weights and method,
 * district assessments, data sources. Every sheet has the same layout: row 1 the title, row 2 the
 * sample-data notice (empty when real answers are loaded), row 3 the header, data from row 4.
 * Numbers are stored as numbers, so Excel formats them in the reader's locale.
 */
import ExcelJS from 'exceljs';
import type { CellValue, ReportColumn, ReportModel } from './report-model';
import { excelDateTime } from '../common/i18n';
import { text } from './texts';

/** The row the header is on (data follow). */
export const HEADER_ROW = 3;

/** Date cells: Norwegian time as an Excel date (`excelDateTime`), shown as `yyyy-mm-dd hh:mm`. */
function dateCell(cell: ExcelJS.Cell, iso: string): void {
  const d = excelDateTime(iso);
  cell.value = d;
  if (d) cell.numFmt = 'yyyy-mm-dd hh:mm';
}

function sheet(
  wb: ExcelJS.Workbook, model: ReportModel, name: string, header: string[], rows: CellValue[][], widths: number[] = [], dateColumns: readonly number[] = [],
): void {
  const ws = wb.addWorksheet(name.slice(0, 31), { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  ws.getCell(1, 1).value = `${model.title}: ${name}`;
  ws.getCell(1, 1).font = { bold: true, size: 13 };
  ws.getCell(2, 1).value = model.notice ?? '';
  if (model.notice) ws.getCell(2, 1).font = { bold: true, color: { argb: 'FFB00000' } };
  const h = ws.getRow(HEADER_ROW);
  header.forEach((x, i) => (h.getCell(i + 1).value = x));
  h.font = { bold: true };
  h.alignment = { wrapText: true, vertical: 'top' };
  rows.forEach((r, i) => {
    const row = ws.getRow(HEADER_ROW + 1 + i);
    r.forEach((v, j) => {
      if (dateColumns.includes(j) && typeof v === 'string') dateCell(row.getCell(j + 1), v);
      else row.getCell(j + 1).value = typeof v === 'boolean' ? text(model.locale, v ? 'yes' : 'no') : v;
    });
  });
  header.forEach((_, i) => (ws.getColumn(i + 1).width = widths[i] ?? 16));
}

const datesOf = (columns: readonly ReportColumn[]): number[] => columns.flatMap((c, i) => (c.kind === 'datetime' ? [i] : []));

function table(model: ReportModel, columns: ReportColumn[]): CellValue[][] {
  return model.candidates.map((c) => columns.map((col) => c.record[col.key] ?? null));
}

/** The XLSX workbook of a report, as bytes. */
export async function reportXlsx(model: ReportModel): Promise<Buffer> {
  const T = (k: Parameters<typeof text>[1]) => text(model.locale, k);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Stedsvalg';
  wb.created = new Date(model.generatedAt);
  const core = model.columns.core;
  sheet(wb, model, T('sheetShortlist'), core.map((c) => c.header), table(model, core), [6, 10, 18, 16, 16, 11, 14, 22], datesOf(core));
  const ind = [...core.slice(0, 3), ...model.columns.criteria, ...model.columns.indicators];
  sheet(wb, model, T('sheetIndicators'), ind.map((c) => c.header), table(model, ind), [6, 10, 18], datesOf(ind));
  const weightRows: CellValue[][] = [
    ...model.weights.map((w) => [w.label, w.weight, w.share, w.direction, w.unit, w.source]),
    [],
    [T('rules')],
    ...model.rules.map(([k, v]) => [k, v]),
    [],
    [T('selectionSummary')],
    ...model.summary.map(([k, v]) => [k, v]),
    [],
    [T('method')],
    ...model.method.map((p) => [p]),
    [],
    [T('reproducibility')],
    ...model.reproducibility.map(([k, v]) => [k, v]),
  ];
  sheet(wb, model, T('sheetWeights'), [T('criterion'), T('weight'), T('weightShare'), T('direction'), T('unit'), T('source')], weightRows, [34, 12, 12, 26, 20, 40]);
  sheet(
    wb, model, T('sheetAssessments'),
    [T('kommunenummer'), T('municipality'), T('district'), T('advice'), T('adviceReason'), T('assessor'), T('assessedAt'), T('currentAssessment')],
    model.assessments.map((a) => [a.kommunenummer, a.name, a.policeDistrict, a.adviceLabel, a.reason, a.assessor, a.assessedAt, a.current]),
    [12, 18, 16, 14, 50, 18, 22, 12], [6],
  );
  sheet(
    wb, model, T('sheetSources'), [T('source'), T('publisher'), T('licence'), T('vintage'), T('reference')],
    [...model.sources.map((s): CellValue[] => [s.title, s.publisher, s.licence, s.vintage, s.reference]), [], [model.attribution]], [40, 30, 30, 18, 50],
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
