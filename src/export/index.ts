/**
 * Exports of shortlists and scenarios: one module per format over one report model
 * (`report-model.ts`), so every format prints the same numbers.
 */
export { buildReportModel, changeLines, loadScenarioReport, loadShortlistReport, round } from './report-model';
export type { ReportCandidate, ReportInputs, ReportModel } from './report-model';
export { BOM, decimalComma, reportCsv } from './csv';
export { reportXlsx, HEADER_ROW } from './xlsx';
export { reportGeoJson } from './geojson';
export { reportPdf } from './pdf';
export { loadReportGeometry } from './geometry';
export { EXPORT_FORMATS, exportFileName, renderExport } from './render';
export type { ExportFormat, RenderedExport } from './render';
